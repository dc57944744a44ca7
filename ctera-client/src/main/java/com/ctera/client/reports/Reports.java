package com.ctera.client.reports;

import com.ctera.client.protocol.XmlValue;

/** Statistics reports (protocol §5.8), blocking; every method delegates to {@link ReactiveReports}. */
public final class Reports {

    private final ReactiveReports reactive;

    /** Created by {@code CteraPortal}. */
    public Reports(ReactiveReports reactive) {
        this.reactive = reactive;
    }

    /** Asks the portal to build the report. */
    public void generate(ReportName report) {
        this.reactive.generate(report).block();
    }

    /** The report as the portal stores it. */
    public XmlValue get(ReportName report) {
        return this.reactive.get(report).block();
    }
}
