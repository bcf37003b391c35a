/** IRCv3 capability names and the immutable set a session has enabled. */
package dev.parley.protocol.cap;
