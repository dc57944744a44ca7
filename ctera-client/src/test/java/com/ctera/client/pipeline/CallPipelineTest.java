package com.ctera.client.pipeline;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import com.ctera.client.CteraPortal;
import com.ctera.client.CteraServerException;
import com.ctera.simulator.CteraPortalSimulator;
import com.ctera.simulator.FaultRule;

import static org.assertj.core.api.Assertions.assertThat;

/** Interceptors wrap every call in order, see its operation, and can repeat it by subscribing again. */
class CallPipelineTest {

    private static CteraPortalSimulator simulator;

    @BeforeAll
    static void start() {
        simulator = CteraPortalSimulator.start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @Test
    void interceptorsRunInOrderAroundEachCallWhateverTheOrderTheyWereAdded() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (CteraPortal portal = portal(new Recording("inner", 400, seen), new Recording("outer", 100, seen))) {
            portal.users().get(simulator.endUserCredentials().username());
        }
        assertThat(seen).containsExactly("outer>users.get", "inner>users.get", "inner<", "outer<");
    }

    @Test
    void anInterceptorCanRepeatTheCallBySubscribingAgain() {
        simulator.faults().inject(FaultRule.forOperation("users.get").times(1).status(500));
        CallInterceptor repeatOnce = new CallInterceptor() {
            @Override
            public int order() {
                return RETRY_ORDER;
            }

            @Override
            public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
                return next.onErrorResume(CteraServerException.class, (error) -> next);
            }
        };
        long before = simulator.requests().count("users.get");
        try (CteraPortal portal = portal(repeatOnce)) {
            assertThat(portal.users().get(simulator.endUserCredentials().username()).name())
                .isEqualTo(simulator.endUserCredentials().username());
        }
        finally {
            simulator.faults().clear();
        }
        assertThat(simulator.requests().count("users.get")).isEqualTo(before + 2);
    }

    private static CteraPortal portal(CallInterceptor... interceptors) {
        var builder = CteraPortal.builder()
            .name("pipeline")
            .baseUrl(simulator.baseUrl())
            .credentials(simulator.adminCredentials().username(), simulator.adminCredentials().password());
        for (CallInterceptor interceptor : interceptors) {
            builder.interceptor(interceptor);
        }
        return builder.build();
    }

    private record Recording(String label, int order, List<String> seen) implements CallInterceptor {

        @Override
        public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
            return Mono.defer(() -> {
                this.seen.add(this.label + ">" + call.operation().name());
                return next.doOnTerminate(() -> this.seen.add(this.label + "<"));
            });
        }
    }
}
