package com.vibotaj.tracehub.shipments.web;

import com.vibotaj.tracehub.shipments.ShipmentStatus;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Query parameters use the same lower-case names as JSON ({@code ?status=in_transit}). */
@Component
class ShipmentStatusConverter implements Converter<String, ShipmentStatus> {

    @Override
    public ShipmentStatus convert(String source) {
        return ShipmentStatus.of(source.trim());
    }
}
