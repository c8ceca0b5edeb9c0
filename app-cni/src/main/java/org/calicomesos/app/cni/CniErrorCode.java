package org.calicomesos.app.cni;

/**
 * The {@code code} of a CNI error object. 1 to 99 are the spec's; 100 and up are this plugin's own, so that a
 * runtime (or an operator reading its log) can tell an exhausted pool from a taken address without parsing the
 * sentence.
 *
 * <table>
 *   <caption>Error codes</caption>
 *   <tr><th>code</th><th>meaning</th><th>raised for</th></tr>
 *   <tr><td>1</td><td>incompatible CNI version</td><td>a {@code cniVersion} this plugin does not speak; CHECK
 *       below 0.4.0; GC or STATUS below 1.1.0</td></tr>
 *   <tr><td>4</td><td>invalid environment variables</td><td>a missing, unknown or hostile {@code CNI_COMMAND},
 *       {@code CNI_CONTAINERID}, {@code CNI_IFNAME}, {@code CNI_NETNS} or {@code CNI_ARGS}</td></tr>
 *   <tr><td>6</td><td>failed to decode content</td><td>stdin that is not one JSON object, or is too large</td></tr>
 *   <tr><td>7</td><td>invalid network config</td><td>a field of the network configuration (or a setting it
 *       implies, or the defaults file) is missing, of the wrong type or invalid; a static address or a port
 *       mapping that is not valid; no host IP found and none set ({@code CALICO_HOST_IP})</td></tr>
 *   <tr><td>11</td><td>try again later</td><td>the datastore did not answer; the request overran
 *       {@code CALICO_REQUEST_TIMEOUT}; too many concurrent updates of one IPAM key</td></tr>
 *   <tr><td>50</td><td>plugin not available</td><td>STATUS: the datastore does not answer or no pool has
 *       room</td></tr>
 *   <tr><td>100</td><td>pool exhausted</td><td>ADD: the pools have no free address of a family asked
 *       for</td></tr>
 *   <tr><td>101</td><td>address in use</td><td>ADD: a static address belongs to another container</td></tr>
 *   <tr><td>102</td><td>address outside the pools</td><td>ADD: a static address is in no pool</td></tr>
 *   <tr><td>103</td><td>no such pool</td><td>ADD: {@code ipam.ipv4_pools}, {@code ipam.ipv6_pools} or the
 *       {@code calico-mesos.pool} label names a pool that does not exist</td></tr>
 *   <tr><td>104</td><td>block of another host</td><td>ADD: a static address is in a block another host has
 *       claimed</td></tr>
 *   <tr><td>105</td><td>network not ready</td><td>ADD: the network cannot take the container now</td></tr>
 *   <tr><td>106</td><td>host port in use</td><td>ADD: a port mapping's host port is mapped to another container
 *       on this host</td></tr>
 *   <tr><td>110</td><td>attachment differs</td><td>CHECK: the attachment is not as ADD left it</td></tr>
 *   <tr><td>120</td><td>dataplane failure</td><td>ADD: the container's namespace, interface or routes could not
 *       be set up</td></tr>
 *   <tr><td>999</td><td>internal error</td><td>any other failure; a bug's sentence names the log that holds its
 *       stack trace</td></tr>
 * </table>
 */
enum CniErrorCode {
  INCOMPATIBLE_VERSION(1),
  INVALID_ENVIRONMENT(4),
  DECODING_FAILED(6),
  INVALID_NETWORK_CONFIG(7),
  TRY_AGAIN_LATER(11),
  PLUGIN_NOT_AVAILABLE(50),
  POOL_EXHAUSTED(100),
  ADDRESS_IN_USE(101),
  ADDRESS_OUTSIDE_POOLS(102),
  POOL_NOT_FOUND(103),
  BLOCK_OF_ANOTHER_HOST(104),
  NETWORK_NOT_READY(105),
  HOST_PORT_IN_USE(106),
  ATTACHMENT_DIFFERS(110),
  DATAPLANE_FAILED(120),
  INTERNAL(999);

  private final int code;

  CniErrorCode(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }
}
