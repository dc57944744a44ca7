package com.ctera.client.analytics;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A storage forecast by ordinary least squares on daily use, with prediction intervals; or, with too little data,
 * the reason there is none.
 * @param status whether there is a forecast
 * @param reason why not, or the method used
 * @param pointsUsed the daily values the line was fitted to
 * @param slopeBytesPerDay the fitted growth per day
 * @param residualStdDevBytes the residual standard error of the fit
 * @param confidence the prediction intervals' nominal coverage, such as 0.95
 * @param forecast the predicted use per future day, with its interval
 * @param quotaReach when the quota will be reached, if a quota is known
 */
public record CapacityForecast(Status status, String reason, List<DailyUsage> pointsUsed, double slopeBytesPerDay,
        double residualStdDevBytes, double confidence, List<ForecastPoint> forecast, @Nullable QuotaReach quotaReach) {

    public CapacityForecast {
        pointsUsed = List.copyOf(pointsUsed);
        forecast = List.copyOf(forecast);
    }

    /** Whether a forecast could be made. */
    public enum Status {
        /** Fitted. */
        FORECAST,
        /** Too few points to fit a line with an interval. */
        INSUFFICIENT_DATA
    }

    /**
     * One predicted day.
     * @param date the day
     * @param predictedBytes the line's value
     * @param lowerBytes the prediction interval's lower bound
     * @param upperBytes the prediction interval's upper bound
     */
    public record ForecastPoint(LocalDate date, double predictedBytes, double lowerBytes, double upperBytes) {
    }

    /**
     * When use crosses the quota: on the line, and the range of days where the prediction interval straddles it.
     * @param quotaBytes the quota
     * @param expected the first day the line reaches it; {@code null} when it does not grow or not within the horizon
     * @param earliest the first day the interval's upper bound reaches it
     * @param latest the first day the interval's lower bound reaches it; {@code null} beyond the horizon
     * @param note how to read the answer
     */
    public record QuotaReach(long quotaBytes, @Nullable LocalDate expected, @Nullable LocalDate earliest,
            @Nullable LocalDate latest, String note) {
    }
}
