package org.frischluft.report;

import org.frischluft.model.LogSearch;

/**
 * Least-squares fit of a decay towards a known outdoor level, {@code C(t) = C_out + (C0 − C_out)·e^(−λt)}: for a
 * fixed λ the amplitude is linear (closed form), λ is searched with {@link LogSearch}. Times in hours from the first sample.
 *
 * @param lambdaPerH air changes per hour
 * @param c0         fitted value at t = 0
 * @param r2         coefficient of determination of the fit to the samples
 * @param rmse       root mean square residual (ppm)
 */
record DecayFit(double lambdaPerH, double c0, double r2, double rmse, int n) {
    static final double LAMBDA_MIN = 0.02;
    static final double LAMBDA_MAX = 40;
    private static final int GRID = 64;

    /** Null with fewer than 3 samples, no variance or no decay. */
    static DecayFit fit(double[] tHours, double[] ppm, double outdoor) {
        int n = tHours.length;
        if (n < 3) return null;
        double mean = 0;
        for (double v : ppm) mean += v;
        mean /= n;
        double sst = 0;
        for (double v : ppm) sst += (v - mean) * (v - mean);
        if (sst <= 0) return null;
        double lambda = LogSearch.minimize(l -> sse(tHours, ppm, outdoor, l, null), LAMBDA_MIN, LAMBDA_MAX, GRID, 40);
        double[] amp = new double[1];
        double sse = sse(tHours, ppm, outdoor, lambda, amp);
        if (!Double.isFinite(sse) || amp[0] <= 0) return null;
        return new DecayFit(lambda, outdoor + amp[0], 1 - sse / sst, Math.sqrt(sse / n), n);
    }

    private static double sse(double[] t, double[] y, double outdoor, double lambda, double[] amp) {
        double sxx = 0, sxy = 0;
        int n = t.length;
        for (int i = 0; i < n; i++) {
            double x = Math.exp(-lambda * t[i]);
            sxx += x * x;
            sxy += x * (y[i] - outdoor);
        }
        if (sxx <= 0) return Double.POSITIVE_INFINITY;
        double a = sxy / sxx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - outdoor - a * Math.exp(-lambda * t[i]);
            sse += r * r;
        }
        if (amp != null) amp[0] = a;
        return sse;
    }
}
