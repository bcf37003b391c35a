package dev.parley.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code history.search.language}: a plain name, written into SQL as it is, so nothing else passes. */
class SearchLanguageConfigTest {

    @Test
    void theDefaultIsSimpleAndANameIsTaken() throws Exception {
        assertThat(new ConfigLoader().load().history().search().language()).isEqualTo("simple");
        assertThat(new ConfigLoader()
                        .sets(List.of("history.search.language=german"))
                        .load()
                        .history()
                        .search()
                        .language())
                .isEqualTo("german");
    }

    @ParameterizedTest
    @ValueSource(strings = {"English", "pg_catalog.english", "english'", "a b", "9lives", ""})
    void anythingButALowerCaseNameIsRefusedWithTheKey(String value) {
        assertThatThrownBy(() -> new ConfigLoader()
                        .sets(List.of("history.search.language=" + value))
                        .load())
                .hasMessageContaining("history.search.language: must be a name of lower-case letters");
    }
}
