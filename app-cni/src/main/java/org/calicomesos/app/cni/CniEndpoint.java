package org.calicomesos.app.cni;

import dagger.Lazy;
import jakarta.inject.Inject;
import org.calicomesos.app.config.Configuration;
import org.calicomesos.app.pipeline.PluginRequest;
import org.calicomesos.app.pipeline.PluginResponse;
import org.calicomesos.app.pipeline.ProtocolEndpoint;
import org.calicomesos.app.pipeline.RequestGate;
import org.calicomesos.app.pipeline.RequestLog;
import org.calicomesos.ports.attachment.AttachCommand;
import org.calicomesos.ports.attachment.AttachContainerUseCase;
import org.calicomesos.ports.attachment.Attachment;
import org.calicomesos.ports.attachment.CheckAttachmentUseCase;
import org.calicomesos.ports.attachment.CollectAttachmentsUseCase;
import org.calicomesos.ports.attachment.DetachContainerUseCase;
import org.calicomesos.ports.attachment.NetworkReadinessUseCase;
import org.calicomesos.ports.dataplane.NetworkNamespace;
import org.calicomesos.ports.model.AgentHostname;

/**
 * The main CNI plugin as a function: the request in, one answer out, whatever happens. ADD attaches the container
 * and answers its result in the requested version; DEL detaches it (without a namespace, which may be gone); CHECK
 * compares it with the previous result; GC detaches the network's attachments the runtime no longer knows;
 * STATUS says whether an ADD could succeed now; VERSION lists the versions spoken. ADD, DEL and GC wait their turn
 * at the gate, since they change this host's IPAM. Failures become error objects ({@link CniErrorCode}).
 */
public final class CniEndpoint implements ProtocolEndpoint {
  private final Lazy<AttachContainerUseCase> attach;
  private final Lazy<DetachContainerUseCase> detach;
  private final Lazy<CheckAttachmentUseCase> check;
  private final Lazy<CollectAttachmentsUseCase> collect;
  private final Lazy<NetworkReadinessUseCase> readiness;
  private final Configuration configuration;
  private final CniRequestRunner runner;

  /** The use cases are built only when a request needs one: VERSION needs none. */
  @Inject
  public CniEndpoint(Lazy<AttachContainerUseCase> attach, Lazy<DetachContainerUseCase> detach,
      Lazy<CheckAttachmentUseCase> check, Lazy<CollectAttachmentsUseCase> collect,
      Lazy<NetworkReadinessUseCase> readiness, Configuration configuration) {
    this.attach = attach;
    this.detach = detach;
    this.check = check;
    this.collect = collect;
    this.readiness = readiness;
    this.configuration = configuration;
    this.runner = new CniRequestRunner(new CniRequestReader(false), configuration);
  }

  @Override
  public PluginResponse handle(PluginRequest request, RequestLog requestLog, RequestGate gate) {
    return runner.handle(request, requestLog, readiness, cni -> run(cni, gate));
  }

  private PluginResponse run(CniRequest cni, RequestGate gate) {
    if (cni instanceof CniRequest.Add add) {
      NetworkNamespace namespace = add.namespace().orElseThrow();
      AttachCommand command = new AttachCommand(configuration.nodeName(),
          new AgentHostname(configuration.nodeName().value()), add.id(), namespace, add.addresses(), add.netgroups(),
          add.labels(), add.portMappings());
      Attachment attachment = gate.pass("ADD", () -> attach.get().attach(command));
      return CniResponses.result(CniResult.of(attachment, namespace), add.version());
    }
    if (cni instanceof CniRequest.Del del) {
      gate.pass("DEL", () -> detach.get().detach(del.id()));
      return CniResponses.nothing();
    }
    if (cni instanceof CniRequest.Check checked) {
      check.get().check(checked.id(), checked.namespace().orElseThrow(), checked.expected());
      return CniResponses.nothing();
    }
    CniRequest.Gc gc = (CniRequest.Gc) cni; // the runner answered VERSION and STATUS
    gate.pass("GC", () -> collect.get().collect(gc.network(), gc.valid()));
    return CniResponses.nothing();
  }
}
