package org.calicomesos.ports.ipam;

import java.math.BigInteger;

/** A pool with how many addresses it has, how many are assigned, and how many blocks exist in it. */
public record PoolUsage(Pool pool, BigInteger capacity, long allocated, int blocks) {}
