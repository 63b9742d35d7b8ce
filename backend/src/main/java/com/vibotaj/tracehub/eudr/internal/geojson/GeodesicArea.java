package com.vibotaj.tracehub.eudr.internal.geojson;

import java.util.List;

/**
 * Area of a ring of [longitude, latitude] positions on the earth, in square metres.
 *
 * <p>Method: the spherical excess of the ring on a sphere of the IUGG mean earth radius (6,371,008.8 m),
 * by the line-integral formula of Chamberlain and Duquette ("Some algorithms for polygons on a
 * sphere", JPL 2007), the one turf.js and d3-geo use. It is exact on the sphere; against the WGS84
 * ellipsoid the error is below 0.5 % — far less than the 4 ha threshold's meaning needs, and better
 * than a planar area in degrees, which is wrong by the cosine of the latitude.
 */
public final class GeodesicArea {

    public static final double EARTH_RADIUS_M = 6_371_008.8;
    public static final double SQUARE_METRES_PER_HECTARE = 10_000.0;

    private GeodesicArea() {}

    /** Unsigned area of a closed or open ring; fewer than three positions have none. */
    public static double squareMetres(List<double[]> ring) {
        int n = ring.size();
        if (n < 3) {
            return 0;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double[] p1 = ring.get(i);
            double[] p2 = ring.get((i + 1) % n);
            total += Math.toRadians(p2[0] - p1[0])
                    * (2 + Math.sin(Math.toRadians(p1[1])) + Math.sin(Math.toRadians(p2[1])));
        }
        return Math.abs(total * EARTH_RADIUS_M * EARTH_RADIUS_M / 2.0);
    }

    public static double hectares(List<double[]> ring) {
        return squareMetres(ring) / SQUARE_METRES_PER_HECTARE;
    }
}
