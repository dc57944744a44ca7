package com.ctera.client;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

import com.ctera.client.pipeline.CallContext;
import com.ctera.client.pipeline.CallEvents;
import com.ctera.client.pipeline.CallInterceptor;

/** An outermost stage that watches every call and adds up the file bytes reported to it. */
final class TransferCounter implements CallInterceptor, CallEvents {

    final AtomicLong sent = new AtomicLong();

    final AtomicLong received = new AtomicLong();

    @Override
    public int order() {
        return OBSERVATION_ORDER;
    }

    @Override
    public <T> Mono<T> intercept(CallContext call, Mono<T> next) {
        return next.contextWrite(context -> context.put(CallEvents.CONTEXT_KEY, this));
    }

    @Override
    public void transferred(long bytesSent, long bytesReceived) {
        this.sent.addAndGet(bytesSent);
        this.received.addAndGet(bytesReceived);
    }

    void reset() {
        this.sent.set(0);
        this.received.set(0);
    }
}
