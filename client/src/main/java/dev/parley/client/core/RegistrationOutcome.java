package dev.parley.client.core;

/** How an attempt to connect and register ended. Only {@link Welcomed} leaves a usable connection. */
public sealed interface RegistrationOutcome {

    /** A short English account of the outcome, for logs and reconnect notes. */
    String describe();

    record Welcomed(String nick) implements RegistrationOutcome {
        public String describe() {
            return "welcomed as " + nick;
        }
    }

    /** The nick is taken (or reserved); the connection stays open for {@code IrcClient.tryNick}. */
    record NickInUse(String nick, String reason) implements RegistrationOutcome {
        public String describe() {
            return nick + ": " + reason;
        }
    }

    record WrongPassword(String text) implements RegistrationOutcome {
        public String describe() {
            return text;
        }
    }

    record Banned(String reason) implements RegistrationOutcome {
        public String describe() {
            return reason;
        }
    }

    /**
     * No connection could be made: the server is down, or the address is wrong.
     *
     * @param address {@code host:port}
     * @param cause what the system said ({@code Connection refused})
     */
    record Unreachable(String address, String cause) implements RegistrationOutcome {
        public String describe() {
            return "cannot reach " + address + " (" + cause + ")";
        }
    }

    /**
     * The server answered but TLS could not be agreed (an untrusted certificate, a pin that does not
     * match, a port that does not speak TLS); {@code reason} says what is wrong and what to do.
     */
    record TlsFailed(String reason) implements RegistrationOutcome {
        public String describe() {
            return reason;
        }
    }

    /** The server closed the connection, or did not finish in time, for another reason. */
    record Failed(String reason) implements RegistrationOutcome {
        public String describe() {
            return reason;
        }
    }
}
