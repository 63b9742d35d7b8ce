package com.vibotaj.tracehub.compliance.internal.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every rule the code knows. Rule-set data decides which of them apply to which document type; an id in
 * the data without a rule here is reported at start-up (see RuleSetRepository).
 */
public final class RuleCatalogue {

    public static final List<Rule> ALL = List.of(
            new ReferenceNumberPresent(),
            new IssueDateNotInFuture(),
            new NotExpiredAtDeparture(),
            new ExpiresSoon(),
            new VetIssuedBeforeDeparture(),
            new VetIssuerAuthority(),
            new TracesNumberMatches(),
            new OriginStatesExportCountry(),
            new MoistureBelowLimit(),
            new ContainersAgree(),
            new HsCodesAgree(),
            new WeightsAgree());

    private static final Map<String, Rule> BY_ID =
            ALL.stream().collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity()));

    private RuleCatalogue() {}

    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }
}
