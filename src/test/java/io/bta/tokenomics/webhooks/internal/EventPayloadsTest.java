package io.bta.tokenomics.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.bta.tokenomics.auctions.AuctionEvents.AuctionJoined;
import io.bta.tokenomics.auctions.AuctionId;
import io.bta.tokenomics.governance.GovernanceEvents.DelegationChanged;
import io.bta.tokenomics.guarantees.AllocationId;
import io.bta.tokenomics.ledger.LedgerTransaction;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.rewards.RewardEvents.RewardClaimed;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.shared.PublicEvent;
import io.bta.tokenomics.staking.PoolId;
import io.bta.tokenomics.staking.StakeId;
import io.bta.tokenomics.staking.StakingEvents.StakeOpened;
import io.bta.tokenomics.staking.StakingEvents.StakingRewardsPaid;
import io.bta.tokenomics.webhooks.WebhookEventTypes;
import io.bta.tokenomics.webhooks.internal.MessageLog.NewMessage;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.modulith.events.ApplicationModuleListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every event that reaches subscribers reaches them whole. The events are found, not listed: the
 * listeners of {@link DomainEventMessages}, the ledger's transactions (which the follower turns into
 * messages) and every {@link PublicEvent} in the code. For each, sample instances with a distinct
 * value in every record component (nested records and lists included) go through the production
 * path, the service's JSON mapper and {@link EventPayloads}, and every component must come out
 * under its name with its value. A field the mapper drops, an event without a listener or a type
 * name missing from {@link WebhookEventTypes} fails here.
 */
@JsonTest
@Import(EventPayloads.class)
class EventPayloadsTest {

    private static final String APPLICATION_PACKAGE = "io.bta.tokenomics";

    @Autowired
    EventPayloads payloads;

    @Autowired
    JsonMapper json;

    @Test
    void everyComponentOfEveryEventReachesItsPayload() {
        for (var type : reachingWebhooks()) {
            for (var sample : samples(type)) {
                var messages = messagesOf(sample);
                assertThat(messages).as("messages of %s", type.getSimpleName()).isNotEmpty();
                var datas = messages.stream()
                        .map(m -> json.readTree(m.payload()).get("data"))
                        .toList();
                for (var leaf : leaves(sample)) {
                    assertThat(datas.stream().anyMatch(d -> contains(d, leaf.name(), leaf.value())))
                            .as(
                                    "%s.%s = %s reaches the webhook payload %s",
                                    type.getSimpleName(), leaf.name(), leaf.value(), datas)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void everyMessageIsTheEnvelopeOfItsEvent() {
        for (var type : reachingWebhooks()) {
            for (var sample : samples(type)) {
                var events = sample instanceof PublicEvent.Batch b ? b.events() : List.of((PublicEvent) sample);
                var messages = messagesOf(sample);
                assertThat(messages).hasSameSizeAs(events);
                for (int i = 0; i < events.size(); i++) {
                    var event = events.get(i);
                    var message = messages.get(i);
                    var envelope = json.readTree(message.payload());
                    assertThat(envelope.propertyNames()).containsExactly("type", "timestamp", "data");
                    assertThat(envelope.get("type").asString()).isEqualTo(event.eventType());
                    assertThat(envelope.get("timestamp").asString())
                            .isEqualTo(event.occurredAt().toString());
                    assertThat(message.type()).isEqualTo(event.eventType());
                    assertThat(message.orderingKeys()).isEqualTo(event.orderingKeys());
                    assertThat(message.sourceKey()).isEqualTo(event.sourceKey());
                }
            }
        }
    }

    @Test
    void everyPublicEventHasAListenerAndEveryTypeNameIsKnown() {
        var reaching = new HashSet<Class<?>>();
        var names = new LinkedHashSet<String>();
        for (var type : reachingWebhooks()) {
            reaching.add(type);
            for (var sample : samples(type)) {
                var events = sample instanceof PublicEvent.Batch b ? b.events() : List.of((PublicEvent) sample);
                events.forEach(e -> {
                    reaching.add(e.getClass());
                    names.add(e.eventType());
                });
            }
        }
        assertThat(implementationsOf(PublicEvent.class))
                .as("public events without a listener in DomainEventMessages")
                .isSubsetOf(reaching);
        assertThat(implementationsOf(PublicEvent.Batch.class))
                .as("batches of public events without a listener in DomainEventMessages")
                .isSubsetOf(reaching);
        assertThat(names).containsExactlyInAnyOrderElementsOf(WebhookEventTypes.KNOWN);
    }

    @Test
    void aLedgerMessageCarriesTheTransactionsHash() {
        for (var sample : samples(LedgerTransaction.class)) {
            var t = (LedgerTransaction) sample;
            var data = json.readTree(payloads.message(t).payload()).get("data");
            assertThat(data.get("txHash").asString()).isEqualTo(t.txHash().hex());
        }
    }

    /** The event publication registry stores events with the same mapper and reads them back. */
    @Test
    void everyStoredEventIsReadBackEqual() {
        for (var type : listenedTypes()) {
            for (var sample : samples(type)) {
                assertThat(json.readValue(json.writeValueAsString(sample), type))
                        .as("%s read back", type.getSimpleName())
                        .isEqualTo(sample);
            }
        }
    }

    /** Stored before ids were strings and before a delegation change carried its sequence. */
    @Test
    void eventsStoredByEarlierVersionsAreReadBack() {
        var delegation = json.readValue(
                """
                {"delegatorId":{"value":"alice"},"delegateeId":null,"effectiveFromSequence":9,
                 "changedAt":"2024-01-01T00:00:00Z"}
                """,
                DelegationChanged.class);
        assertThat(delegation)
                .isEqualTo(new DelegationChanged(
                        EntityId.of("alice"), null, null, 9, Instant.parse("2024-01-01T00:00:00Z")));

        var claimed = json.readValue(
                """
                {"rewardId":"00000000-0000-7000-8000-000000000001","recipientId":{"value":"bob"},
                 "tokenId":{"value":"00000000-0000-7000-8000-0000000000aa"},"amount":"1.5",
                 "ledgerTransactionId":"00000000-0000-7000-8000-000000000002",
                 "claimedAt":"2024-01-01T00:00:00Z"}
                """,
                RewardClaimed.class);
        assertThat(claimed.recipientId()).isEqualTo(EntityId.of("bob"));
        assertThat(claimed.tokenId()).isEqualTo(new TokenId(UUID.fromString("00000000-0000-7000-8000-0000000000aa")));
    }

    /** Stored while staking's and auctions' ids were bare strings: the same strings read back as typed ids. */
    @Test
    void eventsStoredWithBareIdsAreReadBack() {
        var opened = json.readValue(
                """
                {"stakeId":"00000000-0000-7000-8000-000000000003","poolId":"00000000-0000-7000-8000-000000000004",
                 "stakerId":"carol","amount":"10","stakedAt":"2024-01-01T00:00:00Z"}
                """,
                StakeOpened.class);
        assertThat(opened.stakeId()).isEqualTo(new StakeId(UUID.fromString("00000000-0000-7000-8000-000000000003")));
        assertThat(opened.poolId()).isEqualTo(new PoolId(UUID.fromString("00000000-0000-7000-8000-000000000004")));

        var paid = json.readValue(
                """
                {"poolId":"00000000-0000-7000-8000-000000000004","rewardTokenId":"00000000-0000-7000-8000-0000000000aa",
                 "payouts":[{"stakeId":"00000000-0000-7000-8000-000000000003","stakerId":"carol","amount":"0.5",
                   "trustScore":72.5,"ledgerTransactionId":"00000000-0000-7000-8000-000000000005"}],
                 "paidAt":"2024-01-01T00:00:00Z"}
                """,
                StakingRewardsPaid.class);
        assertThat(paid.poolId()).isEqualTo(opened.poolId());
        assertThat(paid.payouts().get(0).stakeId()).isEqualTo(opened.stakeId());

        var joined = json.readValue(
                """
                {"auctionId":"a-1","bidderId":"carol","bond":"10","trustScore":50,"joinedAt":"2024-01-01T00:00:00Z"}
                """,
                AuctionJoined.class);
        assertThat(joined.auctionId()).isEqualTo(AuctionId.of("a-1"));
    }

    // -- what reaches webhooks --------------------------------------------------------------------

    private static List<Class<?>> reachingWebhooks() {
        var types = new ArrayList<Class<?>>(listenedTypes());
        types.add(LedgerTransaction.class); // followed by LedgerFollower, not listened to
        return types;
    }

    private static List<Class<?>> listenedTypes() {
        List<Class<?>> types = Stream.of(DomainEventMessages.class.getDeclaredMethods())
                .filter(m -> m.isAnnotationPresent(ApplicationModuleListener.class))
                .<Class<?>>map(m -> {
                    assertThat(m.getParameterTypes()).hasSize(1);
                    return (Class<?>) m.getParameterTypes()[0];
                })
                .toList();
        assertThat(types).isNotEmpty();
        return types;
    }

    private static Set<Class<?>> implementationsOf(Class<?> type) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent()
                        && definition.getMetadata().isConcrete();
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(type));
        var found = new HashSet<Class<?>>();
        for (var definition : scanner.findCandidateComponents(APPLICATION_PACKAGE)) {
            try {
                found.add(Class.forName(definition.getBeanClassName()));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(found).as("implementations of %s", type.getSimpleName()).isNotEmpty();
        return found;
    }

    private List<NewMessage> messagesOf(Object event) {
        if (event instanceof PublicEvent.Batch batch) {
            return payloads.messages(batch);
        }
        if (event instanceof PublicEvent single) {
            return List.of(payloads.message(single));
        }
        return fail("%s is neither a PublicEvent nor a PublicEvent.Batch", event.getClass());
    }

    // -- samples: a distinct value in every component ---------------------------------------------

    /**
     * As many samples as the type's largest enum has constants, so that every constant (every
     * ledger transaction type) is seen once.
     */
    private static List<Object> samples(Class<?> type) {
        int count = Math.max(1, largestEnum(type, new HashSet<>()));
        var samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(sample(type, i, new int[] {1 + 100 * i}));
        }
        return samples;
    }

    private static int largestEnum(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return 0;
        }
        if (type instanceof ParameterizedType p) {
            return Stream.of(p.getActualTypeArguments())
                    .mapToInt(t -> largestEnum(t, seen))
                    .max()
                    .orElse(0);
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return c.getEnumConstants().length;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return Stream.of(c.getRecordComponents())
                    .mapToInt(rc -> largestEnum(rc.getGenericType(), seen))
                    .max()
                    .orElse(0);
        }
        return 0;
    }

    private static Object sample(Type type, int index, int[] next) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            var element = p.getActualTypeArguments()[0];
            return List.of(sample(element, index, next), sample(element, index, next));
        }
        var c = (Class<?>) type;
        int n = next[0]++;
        if (c == String.class) return "text-" + n;
        if (c == long.class || c == Long.class) return 1000L + n;
        if (c == int.class || c == Integer.class) return 100 + n;
        if (c == boolean.class || c == Boolean.class) return true;
        if (c == BigDecimal.class) return new BigDecimal(n + ".50");
        if (c == Amount.class) return Amount.of(n + ".25");
        if (c == EntityId.class) return EntityId.of("entity-" + n);
        if (c == TokenId.class) return new TokenId(new UUID(0x7000L, n));
        if (c == AllocationId.class) return new AllocationId(new UUID(0x7000L, 2_000_000L + n));
        if (c == UUID.class) return new UUID(0x7000L, 1_000_000L + n);
        if (c == Instant.class)
            return Instant.parse("2024-05-06T07:08:09.123456Z").plusSeconds(n);
        if (c.isEnum()) return c.getEnumConstants()[index % c.getEnumConstants().length];
        if (c.isRecord()) {
            var components = c.getRecordComponents();
            var types = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            var values = Stream.of(components)
                    .map(rc -> sample(rc.getGenericType(), index, next))
                    .toArray();
            try {
                return c.getDeclaredConstructor(types).newInstance(values);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build a " + c.getSimpleName(), e);
            }
        }
        return fail("no sample value for %s: teach EventPayloadsTest.sample the new type", c);
    }

    // -- what must come out -----------------------------------------------------------------------

    private record Leaf(String name, Object value) {}

    /** Every scalar component, in nested records and lists too, under the name JSON gives it. */
    private static List<Leaf> leaves(Object record) {
        var leaves = new ArrayList<Leaf>();
        for (var rc : record.getClass().getRecordComponents()) {
            Object value;
            try {
                rc.getAccessor().setAccessible(true);
                value = rc.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            var renamed = rc.getAccessor().getAnnotation(JsonProperty.class);
            var name = renamed == null || renamed.value().isEmpty() ? rc.getName() : renamed.value();
            addLeaves(name, value, leaves);
        }
        return leaves;
    }

    private static void addLeaves(String name, Object value, List<Leaf> leaves) {
        if (value instanceof List<?> list) {
            list.forEach(element -> addLeaves(name, element, leaves));
        } else if (value != null && value.getClass().isRecord() && !isScalar(value)) {
            leaves.addAll(leaves(value));
        } else {
            leaves.add(new Leaf(name, value));
        }
    }

    /** A typed id (a record of one component, {@code value}: EntityId, TokenId, PoolId...) is one scalar. */
    private static boolean isScalar(Object value) {
        var components = value.getClass().getRecordComponents();
        return components.length == 1 && components[0].getName().equals("value");
    }

    private static boolean contains(JsonNode node, String name, Object expected) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals(name) && matches(field.getValue(), expected)) {
                    return true;
                }
                if (contains(field.getValue(), name, expected)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (var element : node) {
                if (contains(element, name, expected)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(JsonNode node, Object expected) {
        if (!node.isValueNode() || node.isNull()) {
            return false;
        }
        if (expected instanceof BigDecimal decimal) {
            return new BigDecimal(node.asString()).compareTo(decimal) == 0;
        }
        var text = expected instanceof Enum<?> e ? e.name() : expected.toString();
        return node.asString().equals(text);
    }
}
