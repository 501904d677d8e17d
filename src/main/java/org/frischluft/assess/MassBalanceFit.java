package org.frischluft.assess;

import org.frischluft.model.LogSearch;

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
        double lambda = LogSearch.minimize(l -> sse(t, y, l, null), LAMBDA_MIN_PER_H / 60, LAMBDA_MAX_PER_H / 60, GRID, 30);
        double[] coef = new double[2];
        double sse = sse(t, y, lambda, coef);
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
