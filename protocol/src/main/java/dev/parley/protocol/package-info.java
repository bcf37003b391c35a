/**
 * IRC syntax: the message model, parser, serializer, numerics, names and capabilities. Pure Java:
 * no I/O, no Netty, no logging, no dependency on any other Parley module.
 */
package dev.parley.protocol;
