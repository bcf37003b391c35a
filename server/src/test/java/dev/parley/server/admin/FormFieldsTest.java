package dev.parley.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormFieldsTest {

    @Test
    void fieldsAreDecodedAndBlankOnesAreAbsent() {
        FormFields form = FormFields.parse("room=%23general&reason=be+kind&empty=&blank=+++&operator=true");

        assertThat(form.get("room")).hasValue("#general");
        assertThat(form.get("reason")).hasValue("be kind");
        assertThat(form.get("empty")).isEmpty();
        assertThat(form.get("blank")).isEmpty();
        assertThat(form.get("missing")).isEmpty();
        assertThat(form.flag("operator")).isTrue();
        assertThat(form.flag("missing")).isFalse();
    }

    @Test
    void aLineBreakCannotSmuggleAnIrcLineOrALogLine() {
        FormFields form = FormFields.parse("reason=bye%0D%0AQUIT+%3Aowned&password=%20spaced%0A");

        assertThat(form.get("reason")).hasValue("bye  QUIT :owned");
        assertThat(form.exact("password")).as("passwords are kept as typed").hasValue(" spaced\n");
    }

    @Test
    void aBrokenEscapeIsKeptAsText() {
        assertThat(FormFields.parse("topic=100%zz").get("topic")).hasValue("100%zz");
    }
}
