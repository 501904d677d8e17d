package org.frischluft.assess;

/**
 * Least-squares fit of the single-zone mass balance {@code C(t) = Css + (C0 - Css)·e^(-λt)} to CO2 samples.
 * For a fixed λ the model is linear in {@code Css} and {@code C0 - Css}, so λ is searched on a logarithmic
 * grid and refined by golden-section search, each step solving the linear part in closed form (variable
 * projection). Times are in minutes from the first sample.
 *
 * @param css     fitted steady state (ppm)
 * @param c0      fitted value at t = 0 (ppm)
 * @param lambda  fitted rate per minute (air changes per minute)
 * @param r2      coefficient of determination
 * @param rmse    root mean square residual (ppm)
 * @param n       number of samples
 */
record MassBalanceFit(double css, double c0, double lambda, double r2, double rmse, int n) {
    /** λ search range, per hour: from almost linear to a room with every window open in a storm. */
    static final double LAMBDA_MIN_PER_H = 0.05;
    static final double LAMBDA_MAX_PER_H = 60;
    private static final int GRID = 48;

    /** The fitted value t minutes after the first sample. */
    double at(double t) {
        return css + (c0 - css) * Math.exp(-lambda * t);
    }

    /** Minutes after the first sample when the fitted curve reaches {@code level}, or NaN if it never does. */
    double timeTo(double level) {
        double ratio = (level - css) / (c0 - css);
        if (!(ratio > 0 && ratio <= 1)) return Double.NaN;
        return -Math.log(ratio) / lambda;
    }

    /** Air changes per hour. */
    double lambdaPerHour() {
        return lambda * 60;
    }

    /** Fits samples (t in minutes ascending, y in ppm); null with fewer than 4 samples or no variance. */
    static MassBalanceFit fit(double[] t, double[] y) {
        int n = t.length;
        if (n < 4 || y.length != n) return null;
        double mean = 0;
        for (double v : y) mean += v;
        mean /= n;
        double sst = 0;
        for (double v : y) sst += (v - mean) * (v - mean);
        if (sst <= 0) return null;
        double lo = Math.log(LAMBDA_MIN_PER_H / 60);
        double hi = Math.log(LAMBDA_MAX_PER_H / 60);
        double step = (hi - lo) / (GRID - 1);
        int best = 0;
        double bestSse = Double.POSITIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
            double sse = sse(t, y, Math.exp(lo + i * step), null);
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
        double f1 = sse(t, y, Math.exp(x1), null);
        double f2 = sse(t, y, Math.exp(x2), null);
        for (int i = 0; i < 30; i++) {
            if (f1 < f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - g * (b - a);
                f1 = sse(t, y, Math.exp(x1), null);
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + g * (b - a);
                f2 = sse(t, y, Math.exp(x2), null);
            }
        }
        double lambda = Math.exp((a + b) / 2);
        double[] coef = new double[2];
        double sse = sse(t, y, lambda, coef);
        if (sse > bestSse) {
            lambda = Math.exp(lo + best * step);
            sse = sse(t, y, lambda, coef);
        }
        if (!Double.isFinite(sse)) return null;
        double css = coef[0];
        double c0 = coef[0] + coef[1];
        return new MassBalanceFit(css, c0, lambda, 1 - sse / sst, Math.sqrt(sse / n), n);
    }

    /** Residual sum of squares of the best linear fit y = p + q·e^(-λt); writes p, q to coef if given. */
    private static double sse(double[] t, double[] y, double lambda, double[] coef) {
        int n = t.length;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.exp(-lambda * t[i]);
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            sxy += x[i] * y[i];
        }
        double det = n * sxx - sx * sx;
        if (!(Math.abs(det) > 1e-12 * n * Math.max(sxx, 1e-300))) return Double.POSITIVE_INFINITY;
        double q = (n * sxy - sx * sy) / det;
        double p = (sy - q * sx) / n;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - p - q * x[i];
            sse += r * r;
        }
        if (coef != null) {
            coef[0] = p;
            coef[1] = q;
        }
        return sse;
    }
}
