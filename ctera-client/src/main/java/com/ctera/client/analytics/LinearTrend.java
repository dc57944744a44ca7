package com.ctera.client.analytics;

/**
 * An ordinary least squares line {@code y = intercept + slope x} with what its prediction interval needs.
 * @param n number of points
 * @param intercept the fitted value at {@code x = 0}
 * @param slope the change of {@code y} per unit of {@code x}
 * @param residualStdDev the residual standard error {@code s} (n − 2 degrees of freedom)
 * @param meanX the mean of the {@code x} values
 * @param sxx the sum of squared deviations of {@code x} from its mean
 */
record LinearTrend(int n, double intercept, double slope, double residualStdDev, double meanX, double sxx) {

    /** Fits the line; needs at least three points with two different {@code x}. */
    static LinearTrend fit(double[] x, double[] y) {
        int n = x.length;
        if (n < 3 || y.length != n) {
            throw new IllegalArgumentException("a trend needs at least 3 points, had " + n);
        }
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < n; i++) {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            sxy += (x[i] - meanX) * (y[i] - meanY);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("a trend needs points on at least two different days");
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double residual = y[i] - (intercept + slope * x[i]);
            sse += residual * residual;
        }
        return new LinearTrend(n, intercept, slope, Math.sqrt(sse / (n - 2)), meanX, sxx);
    }

    double predict(double x) {
        return this.intercept + this.slope * x;
    }

    /** Half the width of the prediction interval for one new observation at {@code x}. */
    double predictionHalfWidth(double x, double confidence) {
        double t = StudentT.quantile(1 - (1 - confidence) / 2, this.n - 2);
        return t * this.residualStdDev * Math.sqrt(1 + 1.0 / this.n + (x - this.meanX) * (x - this.meanX) / this.sxx);
    }
}
