package dev.bulwark.gate.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.bulwark.gate.decision.DecisionStore.StoredDecision;
import dev.bulwark.v1.AppliedPolicy;
import dev.bulwark.v1.Decision;
import dev.bulwark.v1.Finding;
import dev.bulwark.v1.ScanContext;
import dev.bulwark.v1.Verdict;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * How the record's rows become protos and back: decisions (reasons, scanner statuses and policy
 * layers as JSON), findings (the proto's bytes). A stored value that no longer reads is shown as
 * such rather than failing the listing.
 */
public final class DecisionRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DecisionRows() {}

  /** A decision with its row id, the position page tokens carry. */
  public record Numbered(long id, Decision decision) {}

  /** Maps the {@link DecisionSql#DECISION_COLUMNS} (and {@code id}) of a row. */
  public static final class DecisionMapper implements RowMapper<Numbered> {
    @Override
    public Numbered map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new Numbered(rs.getLong("id"), decision(rs));
    }
  }

  /** Maps a decision row with its {@code scanner_statuses} and {@code inputs_digest}. */
  public static final class StoredMapper implements RowMapper<StoredDecision> {
    @Override
    public StoredDecision map(ResultSet rs, StatementContext ctx) throws SQLException {
      return new StoredDecision(decision(rs), statuses(rs.getString("scanner_statuses")),
          rs.getString("inputs_digest"));
    }
  }

  static Decision decision(ResultSet rs) throws SQLException {
    List<String> reasons;
    try {
      reasons = JSON.readValue(rs.getString("reasons"), new TypeReference<List<String>>() {});
    } catch (JsonProcessingException e) {
      reasons = List.of("(stored reasons unreadable: " + e.getOriginalMessage() + ")");
    }
    return Decision.newBuilder()
        .setScanId(rs.getString("scan_id"))
        .setVerdict(Verdict.valueOf(rs.getString("verdict")))
        .setRiskScore(rs.getInt("risk_score"))
        .addAllReasons(reasons)
        .setDecidedAt(DateTimeFormatter.ISO_INSTANT.format(rs.getTimestamp("decided_at").toInstant()))
        .setContext(ScanContext.newBuilder().setProject(rs.getString("project")).setBranch(rs.getString("branch"))
            .setCommit(rs.getString("commit_id")).setRequestedBy(rs.getString("requested_by")))
        .setPolicyVersion(rs.getString("policy_version"))
        .setOverridden(rs.getBoolean("overridden"))
        .setOverrideJustification(Objects.requireNonNullElse(rs.getString("override_justification"), ""))
        .setOverrideIdentity(Objects.requireNonNullElse(rs.getString("override_identity"), ""))
        .addAllPolicies(layers(rs.getString("policies")))
        .build();
  }

  /** Stored as [[layer, source, version], ...]. */
  static String layersJson(List<AppliedPolicy> layers) {
    return json(layers.stream().map(p -> List.of(p.getLayer(), p.getSource(), p.getVersion())).toList());
  }

  /** Read back from {@link #layersJson}; NULL for decisions recorded before V3. */
  static List<AppliedPolicy> layers(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, new TypeReference<List<List<String>>>() {}).stream()
          .filter(l -> l.size() == 3)
          .map(l -> AppliedPolicy.newBuilder().setLayer(l.get(0)).setSource(l.get(1)).setVersion(l.get(2)).build())
          .toList();
    } catch (JsonProcessingException e) {
      return List.of(AppliedPolicy.newBuilder().setLayer("(unreadable)").setSource(e.getOriginalMessage()).build());
    }
  }

  static Finding finding(byte[] bytes) {
    try {
      return Finding.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("a stored finding is unreadable: " + e.getMessage(), e);
    }
  }

  static Map<String, String> statuses(String json) {
    try {
      return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
    } catch (JsonProcessingException e) {
      return Map.of("(stored statuses unreadable)", e.getOriginalMessage());
    }
  }

  static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }
}
