/** Syntax and comparison of nicks, room names, host masks and ban masks. */
package dev.parley.protocol.name;
