package io.bta.tokenomics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.TokenomicsApplication;
import io.bta.tokenomics.support.Api;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The development sign-in, switched on with tokenomics.web.dev-sign-in=true (off by default). */
class DevSignInTest {

    static ConfigurableApplicationContext app;
    static int port;

    @BeforeAll
    static void start() {
        var dataDir =
                Path.of("target/test-data/dev-sign-in-" + UUID.randomUUID()).toString();
        app = new SpringApplicationBuilder(TokenomicsApplication.class)
                .run(
                        "--server.port=0",
                        "--tokenomics.data-dir=" + dataDir,
                        "--tokenomics.security.jwt-secret=" + Api.SECRET,
                        "--tokenomics.web.dev-sign-in=true");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void anAdminSignsInWithAnEntityIdAndReachesTheAdminPage() {
        var page = new PageClient(port);
        assertThat(page.get("/app/sign-in").body()).contains("Development sign-in");
        var r = page.post(
                "/app/dev-sign-in", page.withCsrf("/app/sign-in", Map.of("entityId", "dev-admin", "admin", "true")));
        assertThat(r.statusCode()).isEqualTo(302);
        var admin = page.get("/app/admin");
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("dev-admin (admin)");
        // the issued token is an ordinary platform token: the API accepts it as the same admin
        var initialize = page.post("/app/admin/initialize", page.withCsrf("/app/admin", Map.of()));
        assertThat(initialize.statusCode()).isEqualTo(302);
        assertThat(new Api(port)
                        .get("/api/tokens", Api.token("dev-admin"))
                        .json()
                        .size())
                .isEqualTo(4);
    }

    @Test
    void withoutTheAdminBoxTheSessionHasNoRole() {
        var page = new PageClient(port);
        page.post("/app/dev-sign-in", page.withCsrf("/app/sign-in", Map.of("entityId", "dev-user")));
        assertThat(page.get("/app/wallet").body()).contains("dev-user").doesNotContain("dev-user (admin)");
        assertThat(page.get("/app/admin").statusCode()).isEqualTo(403);
    }

    @Test
    void aMalformedEntityIdIsShownNextToTheField() {
        var page = new PageClient(port);
        var r = page.post("/app/dev-sign-in", page.withCsrf("/app/sign-in", Map.of("entityId", "not valid")));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"entityId-error\"");
    }
}
