package dev.parley.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void objectsKeepTheirOrderAndEveryKindOfValueIsWritten() {
        assertThat(Json.write(Json.object(
                        "name", "bob", "rooms", List.of(1, 2), "op", true, "away", null, "nested", Json.object())))
                .isEqualTo("{\"name\":\"bob\",\"rooms\":[1,2],\"op\":true,\"away\":null,\"nested\":{}}");
        assertThat(Json.write(Arrays.asList("a", null))).isEqualTo("[\"a\",null]");
    }

    @Test
    void whatAUserTypedCannotBreakOutOfItsString() {
        String topic = "say \"hi\" \\ </script>\n\u0001\u2028";

        assertThat(Json.write(topic)).isEqualTo("\"say \\\"hi\\\" \\\\ \\u003c/script>\\n\\u0001\\u2028\"");
    }
}
