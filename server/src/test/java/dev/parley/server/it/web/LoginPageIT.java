package dev.parley.server.it.web;

import static dev.parley.server.it.web.BrowserClientIT.server;
import static dev.parley.server.it.web.BrowserClientIT.url;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.it.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The login page: only the login card, every refusal shown on the form, the admin greeted in words. */
class LoginPageIT {

    @Test
    void theLoginPageShowsOnlyTheCardAndAnInvalidNicknameIsExplainedOnTheForm() {
        try (TestServer server = server();
                Browser browser = Browser.open(1280, 800)) {
            try {
                browser.open(url(server));
                browser.await(d -> browser.find("#login-nick").isDisplayed());
                assertThat(browser.find("#chat-view").isDisplayed())
                        .as("the chat view under the login card")
                        .isFalse();

                browser.logIn(url(server), "1bad", "chat@123", "#general");
                browser.awaitText("#login-error", "not a valid nickname");
                assertThat(browser.find("#login-view").isDisplayed()).isTrue();
                assertThat(browser.find("#chat-view").isDisplayed()).isFalse();
                assertThat(browser.find("#login-button").isEnabled())
                        .as("the form can be sent again")
                        .isTrue();

                browser.logIn(url(server), "alice", "wrong", "#general");
                browser.awaitText("#login-error", "Wrong password");
                assertThat(browser.find("#chat-view").isDisplayed()).isFalse();
            } finally {
                browser.screenshot("login-error");
            }
        }
    }

    @Test
    void aServerThatCannotBeReachedIsExplainedOnTheForm() {
        try (TestServer server = server();
                Browser browser = Browser.open(1280, 800)) {
            try {
                browser.open(url(server));
                browser.find("#login-nick").sendKeys("alice");
                browser.find("#login-password").sendKeys("chat@123");
                server.server().stop();
                browser.find("#login-button").click();
                browser.awaitText("#login-error", "Could not reach the server");
                assertThat(browser.find("#chat-view").isDisplayed()).isFalse();
                assertThat(browser.find("#login-button").isEnabled()).isTrue();
            } finally {
                browser.screenshot("login-unreachable");
            }
        }
    }

    @Test
    void theAdminIsToldInWordsThatTheyAreLoggedIn() {
        try (TestServer server = server();
                Browser admin = Browser.open(1280, 800)) {
            try {
                admin.logIn(url(server), "admin", "admin123", "#general");
                admin.awaitText("#member-list li", "admin");
                admin.awaitText("#feed li", "You are logged in as admin");
                admin.awaitText("#feed li", "You are now a server operator");
                assertThat(admin.feed()).doesNotContain("admin!").doesNotContain("IRC operator");
            } finally {
                admin.screenshot("login-admin");
            }
        }
    }

    @Test
    void theFaviconIsServed() throws IOException, InterruptedException {
        try (TestServer server = server()) {
            HttpResponse<byte[]> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url(server) + "favicon.ico"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValue("image/x-icon");
            assertThat(response.body()).startsWith(0, 0, 1, 0);
        }
    }
}
