package io.bta.tokenomics.shared.error;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Tomcat answers some requests itself, before any servlet runs (a header with control characters,
 * a malformed request line). Its report would be an HTML page; this one is a problem document like
 * every other error of the API.
 */
@Component
class TomcatProblemReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    /** Writes a minimal problem document for errors that never reached Spring MVC. */
    public static class ProblemReportValve extends ErrorReportValve {

        public ProblemReportValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var resolved = HttpStatus.resolve(status);
            var reason = resolved == null ? "Error" : resolved.getReasonPhrase();
            var code = Problems.codeFor(resolved == null ? HttpStatus.valueOf(500) : resolved);
            var body = "{\"type\":\"" + Problems.typeOf(code) + "\",\"title\":\"" + reason + "\",\"status\":" + status
                    + ",\"detail\":\""
                    + (status >= 500 ? "the request failed unexpectedly" : "the request is malformed")
                    + "\",\"code\":\"" + code + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                var writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone: nothing more to tell the client
            }
        }
    }
}
