package io.bta.tokenomics.shared.db;

import io.bta.tokenomics.shared.error.Inputs;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Read-your-writes across replicas, over HTTP. A write's answer carries {@code Ledger-Sequence}:
 * the highest ledger sequence this instance has written, at least the one the write produced. A
 * {@link ReplicaRead} endpoint called with {@code Ledger-Sequence: n} is served by a replica only
 * once it has replayed sequence {@code n}, else by the primary; without the header, by any usable
 * replica. Its answer carries the sequence the replica had reached (the primary: none).
 */
@Configuration(proxyBeanMethods = false)
class ReplicaReads implements WebMvcConfigurer {

    private final Replicas replicas;

    ReplicaReads(Replicas replicas) {
        this.replicas = replicas;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        if (replicas.configured()) {
            registry.addInterceptor(new Routing(replicas));
        }
    }

    /** Chooses the replica (or the primary) before the handler opens any transaction. */
    static final class Routing implements HandlerInterceptor {
        private final Replicas replicas;

        Routing(Replicas replicas) {
            this.replicas = replicas;
        }

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(ReplicaRead.class)) {
                return true;
            }
            long required = 0;
            var header = request.getHeader(LedgerSequences.HEADER);
            if (header != null) {
                required = -1;
                if (header.matches("[0-9]{1,18}")) {
                    required = Long.parseLong(header);
                }
                if (required < 0) {
                    var in = new Inputs();
                    in.reject(
                            LedgerSequences.HEADER,
                            "must be a whole number from 0: the Ledger-Sequence header of an earlier answer");
                    in.check();
                }
            }
            var replica = replicas.choose(required);
            if (replica != null) {
                ReadRouting.use(replica);
                response.setHeader(LedgerSequences.HEADER, Long.toString(replicas.sequenceOf(replica)));
            }
            return true;
        }

        @Override
        public void afterCompletion(
                HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
            ReadRouting.clear();
        }
    }

    /** Puts the instance's highest written sequence on every answer to a write. */
    @ControllerAdvice
    static final class WrittenSequence implements ResponseBodyAdvice<Object> {
        private final LedgerSequences sequences;

        WrittenSequence(LedgerSequences sequences) {
            this.sequences = sequences;
        }

        @Override
        public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
            return true;
        }

        @Override
        public Object beforeBodyWrite(
                Object body,
                MethodParameter returnType,
                MediaType contentType,
                Class<? extends HttpMessageConverter<?>> converterType,
                ServerHttpRequest request,
                ServerHttpResponse response) {
            long highest = sequences.highest();
            if (!HttpMethod.GET.equals(request.getMethod()) && highest > 0) {
                response.getHeaders().set(LedgerSequences.HEADER, Long.toString(highest));
            }
            return body;
        }
    }
}
