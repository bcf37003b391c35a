package dev.parley.server.transport;

import java.util.concurrent.CompletionStage;

/** What the HTTP listener serves besides files and the WebSocket: health and metrics. */
public interface HttpEndpoints {

    /** Whether the server can do its job: the store answers. Completes off the event loop. */
    CompletionStage<Boolean> healthy();

    /** The metrics in the Prometheus text format. */
    CompletionStage<String> metrics();
}
