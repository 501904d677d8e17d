package org.frischluft.report;

/**
 * Least-squares fit of a decay towards a known outdoor level, {@code C(t) = C_out + (C0 − C_out)·e^(−λt)}: for a
 * fixed λ the amplitude is linear (closed form), λ is searched on a logarithmic grid and refined by golden-section
 * search. Times in hours from the first sample.
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
        double lo = Math.log(LAMBDA_MIN);
        double hi = Math.log(LAMBDA_MAX);
        double step = (hi - lo) / (GRID - 1);
        int best = 0;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
            double sse = sse(tHours, ppm, outdoor, Math.exp(lo + i * step), null);
            if (sse < bestSse) {
                bestSse = sse;
                best = i;
            }
        }
        double a = lo + Math.max(0, best - 1) * step;
        double b = lo + Math.min(GRID - 1, best + 1) * step;
        final double g = (Math.sqrt(5) - 1) / 2;
        double x1 = b - g * (b - a);
        double x2 = a + g * (b - a);
        double f1 = sse(tHours, ppm, outdoor, Math.exp(x1), null);
        double f2 = sse(tHours, ppm, outdoor, Math.exp(x2), null);
        for (int i = 0; i < 40; i++) {
            if (f1 < f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - g * (b - a);
                f1 = sse(tHours, ppm, outdoor, Math.exp(x1), null);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + g * (b - a);
                f2 = sse(tHours, ppm, outdoor, Math.exp(x2), null);
            }
        }
        double lambda = Math.exp((a + b) / 2);
        double[] amp = new double[1];
        double sse = sse(tHours, ppm, outdoor, lambda, amp);
        if (sse > bestSse) {
            lambda = Math.exp(lo + best * step);
            sse = sse(tHours, ppm, outdoor, lambda, amp);
        }
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
