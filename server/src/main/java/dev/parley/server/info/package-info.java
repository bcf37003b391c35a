/**
 * What the server says about itself: its identity ({@link dev.parley.server.info.ServerInfo}), the
 * welcome burst, ISUPPORT, LUSERS, MOTD and the HELP texts. Builds replies from the chat core's
 * counts; knows no command parsing and never the transport.
 */
package dev.parley.server.info;
