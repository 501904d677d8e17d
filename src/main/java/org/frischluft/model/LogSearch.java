package org.frischluft.model;

import java.util.function.DoubleUnaryOperator;

/**
 * Minimises a one-parameter cost over a positive range: a logarithmic grid, then golden-section search between the
 * grid point's neighbours; the grid point itself wins where the refinement came out worse. For the decay fits
 * (room air change in {@code report}, the airing coach in {@code assess}), whose cost is the residual of a model
 * that is linear once its rate is fixed.
 */
public final class LogSearch {
    private LogSearch() {
    }

    /**
     * The {@code x} in {@code [min, max]} with the lowest {@code cost(x)}.
     *
     * @param grid        grid points (at least 2)
     * @param refinements golden-section steps after the grid
     */
    public static double minimize(DoubleUnaryOperator cost, double min, double max, int grid, int refinements) {
        double lo = Math.log(min);
        double hi = Math.log(max);
        double step = (hi - lo) / (grid - 1);
        int best = 0;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int i = 0; i < grid; i++) {
            double c = cost.applyAsDouble(Math.exp(lo + i * step));
            if (c < bestCost) {
                bestCost = c;
                best = i;
            }
        }
        double a = lo + Math.max(0, best - 1) * step;
        double b = lo + Math.min(grid - 1, best + 1) * step;
        final double g = (Math.sqrt(5) - 1) / 2;
        double x1 = b - g * (b - a);
        double x2 = a + g * (b - a);
        double f1 = cost.applyAsDouble(Math.exp(x1));
        double f2 = cost.applyAsDouble(Math.exp(x2));
        for (int i = 0; i < refinements; i++) {
            if (f1 < f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - g * (b - a);
                f1 = cost.applyAsDouble(Math.exp(x1));
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + g * (b - a);
                f2 = cost.applyAsDouble(Math.exp(x2));
            }
        }
        double refined = Math.exp((a + b) / 2);
        return cost.applyAsDouble(refined) > bestCost ? Math.exp(lo + best * step) : refined;
    }
}
