package dev.parley.server.cluster;

import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Where a room's next message (or KICK) goes in the room's one order: its position and server time. */
final class RoomPlaces {

    /** INCR the room's counter; its time is Redis's clock, moved past the room's last so it only grows. */
    private static final String PLACE = "local position = redis.call('INCR', KEYS[1])\n"
            + "local clock = redis.call('TIME')\n"
            + "local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)\n"
            + "local last = tonumber(redis.call('GET', KEYS[2]) or '0')\n"
            + "if now <= last then now = last + 1 end\n"
            + "redis.call('SET', KEYS[2], now)\n"
            + "return {position, now}";

    private RoomPlaces() {}

    /** The room's next position and its server time (epoch ms), from one script: {@code [position, time]}. */
    static CompletionStage<List<Object>> next(RedisLink redis, ClusterKeys keys, String roomKey) {
        return redis.commands().eval(PLACE, ScriptOutputType.MULTI, keys.roomSequence(roomKey), keys.roomTime(roomKey));
    }
}
