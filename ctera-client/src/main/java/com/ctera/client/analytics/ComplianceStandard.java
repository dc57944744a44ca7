package com.ctera.client.analytics;

/** The standards a compliance report can be made for. */
public enum ComplianceStandard {
    /** The EU General Data Protection Regulation. */
    GDPR,
    /** The US Health Insurance Portability and Accountability Act Security Rule. */
    HIPAA,
    /** The AICPA SOC 2 Trust Services Criteria. */
    SOC2
}
