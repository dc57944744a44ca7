package com.ctera.client.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The least squares forecast on synthetic series with a known line and noise. */
class CapacityForecastTest {

    private static final LocalDate START = LocalDate.of(2026, 1, 1);

    /**
     * Over 2,000 seeded series the next value 10 days ahead falls inside the stated interval at the nominal rate:
     * the count of hits is binomial, and the bounds are about four standard deviations either side.
     */
    @ParameterizedTest
    @CsvSource({ "0.95, 30", "0.80, 30", "0.95, 8" })
    void theTruthFallsInsideThePredictionIntervalAtItsNominalRate(double confidence, int points) {
        Random random = new Random(42);
        int trials = 2_000;
        int horizon = 10;
        int inside = 0;
        for (int trial = 0; trial < trials; trial++) {
            double slope = 1_000_000 + random.nextDouble() * 5_000_000;
            double noise = 2_000_000;
            List<DailyUsage> series = new ArrayList<>();
            for (int day = 0; day < points; day++) {
                long value = Math.round(50_000_000_000.0 + slope * day + noise * random.nextGaussian());
                series.add(new DailyUsage(START.plusDays(day), value, null, null, 1));
            }
            CapacityForecast forecast = StorageTrendsAnalytics.forecast(series, horizon, confidence, null);
            CapacityForecast.ForecastPoint ahead = forecast.forecast().get(horizon - 1);
            double truth = 50_000_000_000.0 + slope * (points - 1 + horizon) + noise * random.nextGaussian();
            if (truth >= ahead.lowerBytes() && truth <= ahead.upperBytes()) {
                inside++;
            }
        }
        double expected = trials * confidence;
        double sd = Math.sqrt(trials * confidence * (1 - confidence));
        assertThat((double) inside).isBetween(expected - 4 * sd, expected + 4 * sd);
    }

    @Test
    void theFittedSlopeAndQuotaDateFollowAKnownLine() {
        List<DailyUsage> series = new ArrayList<>();
        for (int day = 0; day < 30; day++) {
            series.add(new DailyUsage(START.plusDays(day), 1_000 + 100L * day + ((day % 2 == 0) ? 5 : -5), null,
                    null, 1));
        }
        CapacityForecast forecast = StorageTrendsAnalytics.forecast(series, 5, 0.95, 10_000L);
        double meanX = 14.5;
        double meanY = series.stream().mapToLong(DailyUsage::usedBytes).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        for (int day = 0; day < 30; day++) {
            sxy += (day - meanX) * (series.get(day).usedBytes() - meanY);
            sxx += (day - meanX) * (day - meanX);
        }
        double slope = sxy / sxx;
        assertThat(forecast.slopeBytesPerDay()).isCloseTo(slope, within(1e-9)).isCloseTo(100, within(0.5));
        // The line reaches 10,000 on the first whole day at or after (10,000 - intercept) / slope: about day 90.
        long crossing = (long) Math.ceil((10_000 - (meanY - slope * meanX)) / slope);
        assertThat(crossing).isBetween(89L, 92L);
        assertThat(forecast.quotaReach().expected()).isEqualTo(START.plusDays(crossing));
        assertThat(forecast.quotaReach().earliest()).isBeforeOrEqualTo(START.plusDays(crossing));
        assertThat(forecast.quotaReach().latest()).isAfterOrEqualTo(START.plusDays(crossing))
            .isBefore(START.plusDays(crossing + 3));
        assertThat(forecast.pointsUsed()).hasSize(30);
    }

    @Test
    void tooLittleDataGivesNoNumbers() {
        List<DailyUsage> series = new ArrayList<>();
        for (int day = 0; day < StorageTrendsAnalytics.MIN_FORECAST_POINTS - 1; day++) {
            series.add(new DailyUsage(START.plusDays(day), 1_000L * day, null, null, 1));
        }
        CapacityForecast forecast = StorageTrendsAnalytics.forecast(series, 30, 0.95, 1_000_000L);
        assertThat(forecast.status()).isEqualTo(CapacityForecast.Status.INSUFFICIENT_DATA);
        assertThat(forecast.reason()).contains("6 daily values").contains("at least 7");
        assertThat(forecast.forecast()).isEmpty();
        assertThat(forecast.quotaReach()).isNull();
    }

    @Test
    void studentTQuantilesMatchTables() {
        // Two-sided 95 % critical values from standard tables.
        assertThat(StudentT.quantile(0.975, 5)).isCloseTo(2.571, within(0.01));
        assertThat(StudentT.quantile(0.975, 10)).isCloseTo(2.228, within(0.003));
        assertThat(StudentT.quantile(0.975, 28)).isCloseTo(2.048, within(0.002));
        assertThat(StudentT.normalQuantile(0.975)).isCloseTo(1.95996, within(1e-5));
    }
}
