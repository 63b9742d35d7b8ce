package com.vibotaj.tracehub.eudr.internal.geojson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Approximate bounding boxes of countries, used only to tell whether swapping latitude and longitude
 * puts a plot inside its declared country. Loaded from {@code eudr/country-boxes.csv} (see its header
 * for the source); a country without a box is never offered a swap.
 */
public final class CountryBoxes {

    /** Longitude/latitude extent in degrees. */
    public record Box(double minLon, double minLat, double maxLon, double maxLat) {
        public boolean contains(double lon, double lat) {
            return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
        }
    }

    private final Map<String, Box> boxes;

    public CountryBoxes(Map<String, Box> boxes) {
        this.boxes = Map.copyOf(boxes);
    }

    public Optional<Box> of(String country) {
        return Optional.ofNullable(boxes.get(country));
    }

    /** The bundled data file. */
    public static CountryBoxes bundled() {
        try (InputStream in = CountryBoxes.class.getResourceAsStream("/eudr/country-boxes.csv")) {
            if (in == null) {
                throw new IllegalStateException("eudr/country-boxes.csv is missing from the classpath");
            }
            Map<String, Box> boxes = new HashMap<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("code,")) {
                    continue;
                }
                String[] cells = trimmed.split(",");
                boxes.put(
                        cells[0],
                        new Box(
                                Double.parseDouble(cells[1]),
                                Double.parseDouble(cells[2]),
                                Double.parseDouble(cells[3]),
                                Double.parseDouble(cells[4])));
            }
            return new CountryBoxes(boxes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
