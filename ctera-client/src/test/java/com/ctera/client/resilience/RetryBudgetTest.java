package com.ctera.client.resilience;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry quota: spent by retries, refunded by successes, never above its capacity. */
class RetryBudgetTest {

    @Test
    void successesRefundUpToTheCapacityAndNoFurther() {
        RetryBudget budget = new RetryBudget(new RetryBudget.Settings(10, 5, 5, 2));
        budget.onSuccess();
        assertThat(budget.available()).isEqualTo(10);
        assertThat(budget.tryAcquire(false)).isTrue();
        assertThat(budget.available()).isEqualTo(5);
        budget.onSuccess();
        assertThat(budget.available()).isEqualTo(7);
        budget.onSuccess();
        budget.onSuccess();
        assertThat(budget.available()).isEqualTo(10);
    }

    @Test
    void aBudgetWithoutRefundsStaysSpent() {
        RetryBudget budget = new RetryBudget(new RetryBudget.Settings(5, 5, 5, 0));
        assertThat(budget.tryAcquire(true)).isTrue();
        budget.onSuccess();
        assertThat(budget.available()).isZero();
        assertThat(budget.tryAcquire(false)).isFalse();
        assertThat(budget.exhaustions()).isEqualTo(1);
    }
}
