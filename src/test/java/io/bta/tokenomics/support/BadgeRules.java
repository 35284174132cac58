package io.bta.tokenomics.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Removes a test's badge rules: a rule fires for every entity of the shared test database, so a
 * rule left behind would give other tests' entities badges (and NFT rewards in their history).
 */
public final class BadgeRules {

    private BadgeRules() {}

    /** Removes the rules of the collection {@code symbol}, and their awards (the badges stay). */
    public static void removeOf(JdbcClient jdbc, String symbol) {
        jdbc.sql(
                        """
                        delete from nft_badge_awards where rule_id in (
                            select r.id from nft_badge_rules r join nft_collections c on c.id = r.collection_id
                            where c.symbol = ?)
                        """)
                .param(symbol)
                .update();
        jdbc.sql("delete from nft_badge_rules where collection_id in (select id from nft_collections where symbol = ?)")
                .param(symbol)
                .update();
    }
}
