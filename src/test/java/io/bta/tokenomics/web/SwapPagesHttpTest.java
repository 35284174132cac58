package io.bta.tokenomics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.bta.tokenomics.amm.Amm;
import io.bta.tokenomics.amm.Pool;
import io.bta.tokenomics.amm.PoolFees;
import io.bta.tokenomics.amm.SwapOrder;
import io.bta.tokenomics.amm.TokenPair;
import io.bta.tokenomics.ledger.Ledger;
import io.bta.tokenomics.ledger.TokenId;
import io.bta.tokenomics.shared.Amount;
import io.bta.tokenomics.shared.EntityId;
import io.bta.tokenomics.support.Api;
import io.bta.tokenomics.support.IntegrationTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The swap page over plain HTTP: it renders, quotes as typed, swaps once per form, shows refusals. */
@IntegrationTest
class SwapPagesHttpTest {

    static final EntityId ADMIN = EntityId.of("admin");
    static final EntityId PROVIDER = EntityId.of("web-swap-provider");

    @LocalServerPort
    int port;

    @Autowired
    Ledger ledger;

    @Autowired
    Amm amm;

    Api api;
    PageClient page;
    String user;
    TokenId gov;
    TokenId util;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        page = new PageClient(port);
        ledger.initializeTokens(ADMIN);
        gov = ledger.resolve("BTA-GOV");
        util = ledger.resolve("BTA-UTIL");
        poolOf(gov, util);
        user = "swap-" + UUID.randomUUID().toString().substring(0, 8);
        ledger.transfer(util, ledger.treasury(), EntityId.of(user), Amount.of("100"), null, ADMIN);
        page.signIn(Api.token(user));
    }

    private void poolOf(TokenId x, TokenId y) {
        var exists = amm.pools().stream()
                .map(p -> new TokenPair(p.tokenA(), p.tokenB()))
                .anyMatch(TokenPair.of(x, y)::equals);
        if (exists) {
            return;
        }
        Pool pool = amm.createPool(x, y, PoolFees.standard());
        ledger.transfer(x, ledger.treasury(), PROVIDER, Amount.of("1000"), null, ADMIN);
        ledger.transfer(y, ledger.treasury(), PROVIDER, Amount.of("1000"), null, ADMIN);
        amm.addLiquidity(PROVIDER, pool.id(), Amount.of("1000"), Amount.of("1000"), null, null, null);
    }

    private Map<String, String> swapForm(String amount, String slippage) {
        var fields = new HashMap<String, String>();
        fields.put("tokenIn", util.toString());
        fields.put("tokenOut", gov.toString());
        fields.put("amount", amount);
        fields.put("slippage", slippage);
        fields.put("deadlineMinutes", "20");
        return page.withCsrf("/app/swap", fields);
    }

    private String available(TokenId token, String symbol) {
        return api.get("/api/tokens/balances/" + user + "/" + symbol, Api.token(user))
                .text("available");
    }

    @Test
    void theSwapPageRendersWithTheFormAndTheDefaults() {
        var r = page.get("/app/swap");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("id=\"swap-form\"")
                .contains("href=\"/app/swap\"")
                .contains("hx-get=\"/app/swap/quote\"")
                .contains("value=\"0.5\"")
                .contains("value=\"20\"");
    }

    @Test
    void theQuoteAnswersAsTypedAndChangesNothing() {
        var r = page.get(
                "/app/swap/quote?tokenIn=" + util + "&tokenOut=" + gov + "&amount=10&slippage=0.5&deadlineMinutes=20");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("id=\"quote-out\"")
                .contains("id=\"quote-impact\"")
                .contains("id=\"quote-fee\"");
        assertThat(available(util, "BTA-UTIL")).isEqualTo("100");
        var bad = page.get("/app/swap/quote?tokenIn=" + util + "&tokenOut=" + gov + "&amount="
                + URLEncoder.encode("-1", StandardCharsets.UTF_8) + "&slippage=0.5&deadlineMinutes=20");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("id=\"quote-error\"");
    }

    @Test
    void theSameSwapFormSentTwiceSwapsOnce() {
        var form = swapForm("10", "0.5");
        var first = page.post("/app/swap", form);
        var second = page.post("/app/swap", form);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(first.headers().firstValue("Location").orElseThrow()).contains("done=swapped");
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location").orElseThrow()).contains("again=1");
        assertThat(available(util, "BTA-UTIL")).isEqualTo("90");
        assertThat(Amount.of(available(gov, "BTA-GOV")).isPositive()).isTrue();
    }

    @Test
    void anExactOutSwapQuotesTheMostItTakesAndReceivesExactlyTheAmount() {
        var quote = page.get("/app/swap/quote?tokenIn=" + util + "&tokenOut=" + gov
                + "&kind=out&amount=5&slippage=1&deadlineMinutes=20");
        assertThat(quote.statusCode()).isEqualTo(200);
        var order = new SwapOrder(util, gov, SwapOrder.Kind.EXACT_OUT, Amount.of("5"), null, null);
        var needed = amm.quote(EntityId.of(user), order).amountIn();
        var most = needed.timesRoundedDown(new java.math.BigDecimal("1.01"));
        assertThat(quote.body())
                .contains("id=\"quote-max\"")
                .doesNotContain("id=\"quote-min\"")
                .contains(most.toBigDecimal().stripTrailingZeros().toPlainString() + " BTA-UTIL");
        var fields = swapForm("5", "1");
        fields.put("kind", "out");
        var swapped = page.post("/app/swap", fields);
        assertThat(swapped.statusCode()).as(swapped.body()).isEqualTo(302);
        assertThat(available(gov, "BTA-GOV")).isEqualTo("5");
        assertThat(Amount.of(available(util, "BTA-UTIL")))
                .isEqualTo(Amount.of("100").minus(needed));
        var unknown = swapForm("5", "1");
        unknown.put("kind", "sideways");
        var refused = page.post("/app/swap", unknown);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"kind-error\"");
    }

    @Test
    void aRefusedSwapIsShownInWordsNextToTheFieldAndMovesNothing() {
        var broke = page.post("/app/swap", swapForm("1000", "0.5"));
        assertThat(broke.statusCode()).isEqualTo(422);
        assertThat(broke.body()).contains("id=\"amount-error\"");
        var badSlippage = page.post("/app/swap", swapForm("10", "abc"));
        assertThat(badSlippage.statusCode()).isEqualTo(422);
        assertThat(badSlippage.body()).contains("id=\"slippage-error\"");
        assertThat(available(util, "BTA-UTIL")).isEqualTo("100");
    }

    @Test
    void thePoolsPageShowsReservesAndAddingLiquidityThroughTheFormShowsMyPosition() {
        var r = page.get("/app/pools");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body())
                .contains("id=\"amm-pools\"")
                .contains("href=\"/app/pools\"")
                .contains("no price source");
        var pool = amm.pools().stream()
                .filter(p -> TokenPair.of(gov, util).equals(new TokenPair(p.tokenA(), p.tokenB())))
                .findFirst()
                .orElseThrow();
        ledger.transfer(gov, ledger.treasury(), EntityId.of(user), Amount.of("10"), null, ADMIN);
        var fields = new HashMap<String, String>();
        fields.put("poolId", pool.id().toString());
        fields.put("amountA", "5");
        fields.put("amountB", "5");
        var form = page.withCsrf("/app/pools", fields);
        var first = page.post("/app/pools/add", form);
        var second = page.post("/app/pools/add", form);
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location").orElseThrow()).contains("again=1");
        assertThat(page.get("/app/pools").body()).contains("data-position=\"" + pool.id() + "\"");
        var broke = new HashMap<String, String>();
        broke.put("poolId", pool.id().toString());
        broke.put("amountA", "100000");
        broke.put("amountB", "100000");
        var refused = page.post("/app/pools/add", page.withCsrf("/app/pools", broke));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("class=\"error");
    }
}
