package com.ctera.client.reports;

import reactor.core.publisher.Mono;

import com.ctera.client.CteraOperation;
import com.ctera.client.protocol.XmlText;
import com.ctera.client.protocol.XmlValue;
import com.ctera.client.session.PortalCalls;

/** Statistics reports in reactive form (protocol §5.8); nothing is sent until subscription. */
public final class ReactiveReports {

    private final PortalCalls calls;

    /** Created by {@code CteraPortal}. */
    public ReactiveReports(PortalCalls calls) {
        this.calls = calls;
    }

    /** Asks the portal to build the report; the portal builds it in the background and answers at once. */
    public Mono<Void> generate(ReportName report) {
        return this.calls.execute(CteraOperation.REPORTS_GENERATE, "generateReport", new XmlText(report.wireName()))
                .then();
    }

    /**
     * The report as the portal stores it, untouched: the SDK reads no field of it, so neither does this client.
     * Fails with {@code CteraNotFoundException} when the portal has none (HTTP 404).
     */
    public Mono<XmlValue> get(ReportName report) {
        return this.calls.get(CteraOperation.REPORTS_GET, this.calls.api("reports", report.wireName()));
    }
}
