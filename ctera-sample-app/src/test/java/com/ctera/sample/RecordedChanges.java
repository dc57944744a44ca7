package com.ctera.sample;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import com.ctera.client.events.CteraChangeEvent;

/** The change events an application published, as an {@code @EventListener} of the test saw them. */
class RecordedChanges {

    final List<CteraChangeEvent> events = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CteraChangeEvent event) {
        this.events.add(event);
    }

    /** Import it into a test's application to record its changes. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        RecordedChanges recordedChanges() {
            return new RecordedChanges();
        }
    }
}
