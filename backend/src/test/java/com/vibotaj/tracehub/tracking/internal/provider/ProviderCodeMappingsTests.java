package com.vibotaj.tracehub.tracking.internal.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ProviderCodeMappingsTests {

    @Test
    void mapsVizionMilestonesToDcsaCodesIgnoringCaseAndSpacing() {
        ProviderCodeMappings vizion = ProviderCodeMappings.load("vizion");

        assertThat(vizion.find("Loaded on vessel"))
                .contains(new ProviderCodeMappings.Mapping("LOAD", EventFamily.EQUIPMENT));
        assertThat(vizion.find("  vessel   DEPARTURE "))
                .contains(new ProviderCodeMappings.Mapping("DEPA", EventFamily.TRANSPORT));
        assertThat(vizion.find("Customs release"))
                .contains(new ProviderCodeMappings.Mapping("CUSR", EventFamily.EQUIPMENT));
    }

    @Test
    void leavesUnknownCodesUnmapped() {
        assertThat(ProviderCodeMappings.load("vizion").find("Container weighed (VGM)"))
                .isEmpty();
        assertThat(ProviderCodeMappings.load("jsoncargo").find("In Transit")).isEmpty();
    }

    @Test
    void mapsJsonCargoSnapshotFieldsAndStatuses() {
        ProviderCodeMappings jsoncargo = ProviderCodeMappings.load("jsoncargo");

        assertThat(jsoncargo.find("atd_origin"))
                .contains(new ProviderCodeMappings.Mapping("DEPA", EventFamily.TRANSPORT));
        assertThat(jsoncargo.find("Delivered"))
                .contains(new ProviderCodeMappings.Mapping("GTOT", EventFamily.EQUIPMENT));
    }

    @Test
    void rejectsARowWhoseCodeIsNotADcsaCode() {
        String csv = "provider_code,dcsa_code,family,note\nSailed,SAIL,TRANSPORT,\n";

        assertThatThrownBy(() -> ProviderCodeMappings.read("test", new StringReader(csv)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SAIL");
    }

    @Test
    void rejectsATransportCodeFiledUnderEquipment() {
        String csv = "provider_code,dcsa_code,family,note\nDeparted,DEPA,EQUIPMENT,\n";

        assertThatThrownBy(() -> ProviderCodeMappings.read("test", new StringReader(csv)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejectsTheSameCodeTwice() {
        String csv = "provider_code,dcsa_code,family,note\nLoaded,LOAD,EQUIPMENT,\nloaded,DISC,EQUIPMENT,\n";

        assertThatThrownBy(() -> ProviderCodeMappings.read("test", new StringReader(csv)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("duplicate");
    }
}
