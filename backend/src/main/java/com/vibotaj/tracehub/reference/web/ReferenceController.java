package com.vibotaj.tracehub.reference.web;

import com.vibotaj.tracehub.platform.NotFoundException;
import com.vibotaj.tracehub.reference.Carrier;
import com.vibotaj.tracehub.reference.Country;
import com.vibotaj.tracehub.reference.EventCode;
import com.vibotaj.tracehub.reference.Location;
import com.vibotaj.tracehub.reference.ProductType;
import com.vibotaj.tracehub.reference.ReferenceData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Reference data")
@RestController
@RequestMapping("/api/reference")
class ReferenceController {

    private static final CacheControl CACHE =
            CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate();

    private final ReferenceData referenceData;

    ReferenceController(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    @Operation(summary = "Countries with EU membership and EUDR risk class")
    @GetMapping("/countries")
    ResponseEntity<List<Country>> countries() {
        return ResponseEntity.ok().cacheControl(CACHE).body(referenceData.countries());
    }

    @Operation(summary = "UN/LOCODE locations known to TraceHub")
    @GetMapping("/locations")
    ResponseEntity<List<Location>> locations() {
        return ResponseEntity.ok().cacheControl(CACHE).body(referenceData.locations());
    }

    @Operation(summary = "Ocean carriers by SCAC code")
    @GetMapping("/carriers")
    ResponseEntity<List<Carrier>> carriers() {
        return ResponseEntity.ok().cacheControl(CACHE).body(referenceData.carriers());
    }

    @Operation(summary = "Product types with their HS headings and EUDR coverage")
    @GetMapping("/product-types")
    ResponseEntity<List<ProductType>> productTypes() {
        return ResponseEntity.ok().cacheControl(CACHE).body(referenceData.productTypes());
    }

    @Operation(summary = "DCSA Track & Trace event codes used by the tracking timeline")
    @GetMapping("/event-codes")
    ResponseEntity<List<EventCode>> eventCodes() {
        return ResponseEntity.ok().cacheControl(CACHE).body(referenceData.eventCodes());
    }

    @Operation(summary = "One UN/LOCODE location")
    @GetMapping("/locations/{unlocode}")
    Location location(
            @PathVariable @Pattern(regexp = "(?i)[a-z]{2}[a-z2-9]{3}", message = "must be a UN/LOCODE such as NGAPP")
                    String unlocode) {
        String code = unlocode.toUpperCase(Locale.ROOT);
        return referenceData.location(code).orElseThrow(() -> NotFoundException.of("Location", code));
    }
}
