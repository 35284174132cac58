package io.bta.tokenomics.bridge.internal;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.OkHttpClient;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * A chain client for the bridge's contracts ({@code contracts/BtaToken.sol}, {@code
 * contracts/BtaBridge.sol}, and {@code contracts/BtaBadges.sol} for NFTs), over web3j's JSON-RPC client: deploys them from the compiled artifacts
 * on the classpath, sends the operator's and admin's transactions, and reads balances, supplies
 * and {@code Deposited} logs.
 *
 * <p>Every transaction is a legacy EIP-155 transaction signed here by the configured account, with
 * the gas the node estimates plus a fifth (the estimate is made against the latest block, the
 * transaction runs in a later one); a call the contract refuses fails at that estimate, before
 * anything is sent, as {@link ContractReverted} naming the contract's custom error. Each call
 * waits for its receipt. Transactions from one instance are sent one at a time, each taking the
 * account's pending nonce, so one instance never reuses a nonce; two instances (or processes)
 * signing with the same key must not send at once.
 *
 * <p>Amounts are in base units (10^-18 of a token). Addresses are answered as {@code 0x} + 40
 * lowercase hex digits; withdrawal ids and roles as {@code 0x} + 64.
 */
public class BridgeContracts implements AutoCloseable {

    /** The cap of a token that has none in the ledger: no limit beyond uint256 itself. */
    public static final BigInteger NO_CAP = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

    public static final String DEFAULT_ADMIN_ROLE = "0x" + "0".repeat(64);
    public static final String MINTER_ROLE = Hash.sha3String("MINTER_ROLE");
    public static final String PAUSER_ROLE = Hash.sha3String("PAUSER_ROLE");
    public static final String OPERATOR_ROLE = Hash.sha3String("OPERATOR_ROLE");

    static final Event DEPOSITED = new Event(
            "Deposited",
            List.of(
                    new TypeReference<Uint256>(true) {},
                    new TypeReference<Address>(true) {},
                    new TypeReference<Address>(true) {},
                    new TypeReference<Utf8String>() {},
                    new TypeReference<Uint256>() {}));
    static final Event WITHDRAWN = new Event(
            "Withdrawn",
            List.of(
                    new TypeReference<Bytes32>(true) {},
                    new TypeReference<Address>(true) {},
                    new TypeReference<Address>(true) {},
                    new TypeReference<Uint256>() {}));
    static final Event WITHDRAWAL_SKIPPED =
            new Event("WithdrawalSkipped", List.of(new TypeReference<Bytes32>(true) {}));

    static final List<String> EVENTS = List.of(
            "Deposited(uint256,address,address,string,uint256)",
            "Withdrawn(bytes32,address,address,uint256)",
            "WithdrawalSkipped(bytes32)");

    static final Event NFT_DEPOSITED = new Event(
            "Deposited",
            List.of(
                    new TypeReference<Uint256>(true) {},
                    new TypeReference<Uint256>(true) {},
                    new TypeReference<Address>(true) {},
                    new TypeReference<Utf8String>() {}));
    static final Event NFT_WITHDRAWN = new Event(
            "Withdrawn",
            List.of(
                    new TypeReference<Bytes32>(true) {},
                    new TypeReference<Address>(true) {},
                    new TypeReference<Uint256>(true) {}));

    static final List<String> NFT_EVENTS = List.of(
            "Deposited(uint256,uint256,address,string)",
            "Withdrawn(bytes32,address,uint256)",
            "WithdrawalSkipped(bytes32)");

    private static final String DEPOSITED_TOPIC = EventEncoder.encode(DEPOSITED);
    private static final String NFT_DEPOSITED_TOPIC = EventEncoder.encode(NFT_DEPOSITED);
    private static final String NFT_WITHDRAWN_TOPIC = EventEncoder.encode(NFT_WITHDRAWN);
    private static final String WITHDRAWN_TOPIC = EventEncoder.encode(WITHDRAWN);
    private static final String SKIPPED_TOPIC = EventEncoder.encode(WITHDRAWAL_SKIPPED);

    /** A token to deploy; {@code cap} in base units ({@link #NO_CAP} for none). */
    public record TokenSpec(String name, String symbol, BigInteger cap) {
        public TokenSpec {
            if (name == null || name.isBlank() || symbol == null || symbol.isBlank()) {
                throw new IllegalArgumentException("a token needs a name and a symbol");
            }
            if ("BTA-GUAR".equals(symbol)) {
                // guarantee collateral must stay where the guarantees module can seize it
                throw new IllegalArgumentException("BTA-GUAR is collateral and is not bridgeable");
            }
            if (cap == null || cap.signum() <= 0 || cap.compareTo(NO_CAP) > 0) {
                throw new IllegalArgumentException("a token's cap must be between 1 and 2^256-1 base units");
            }
        }
    }

    /** Deployed contracts: the bridge and each token's address by symbol, in deployment order. */
    public record Deployment(String bridge, Map<String, String> tokensBySymbol) {
        public Deployment {
            tokensBySymbol = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tokensBySymbol));
        }
    }

    /** A mined, successful transaction. */
    public record Receipt(String transactionHash, long blockNumber, String blockHash, BigInteger gasUsed) {}

    /** One withdrawal to mint: {@code amount} base units of {@code token} to {@code to}. */
    public record Withdrawal(String token, String to, BigInteger amount, String withdrawalId) {
        public Withdrawal {
            token = address(token);
            to = address(to);
            if (amount == null || amount.signum() < 0) {
                throw new IllegalArgumentException("a withdrawal's amount must not be negative");
            }
            withdrawalId = bytes32(withdrawalId);
        }
    }

    /**
     * The withdrawal id of a sequence number: the number as 32 bytes. The bridge keeps processed
     * ids as a bitmap, so ids numbered consecutively share one storage word per 256 and a batch
     * of them costs far less gas than ids of no pattern (hashes), which cost a word each.
     */
    public static String withdrawalId(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("a withdrawal's sequence number must not be negative");
        }
        return Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(sequence), 64);
    }

    /** A mined batch: which ids it minted and which it skipped as already processed, in order. */
    public record BatchResult(Receipt receipt, List<String> minted, List<String> skipped) {
        public BatchResult {
            minted = List.copyOf(minted);
            skipped = List.copyOf(skipped);
        }
    }

    /** One {@code Deposited} log, with where it is on chain (a reorg may still remove it). */
    public record Deposit(
            BigInteger depositId,
            String token,
            String from,
            String entityId,
            BigInteger amount,
            long blockNumber,
            String blockHash,
            String transactionHash,
            long logIndex) {}

    /** The bits of a {@code BtaBadges} token id that hold the token's number; the symbol is above them. */
    static final int NFT_NUMBER_BITS = 96;

    /**
     * The id on chain of token {@code number} of the collection {@code symbol}, as {@code
     * BtaBadges.tokenIdOf} computes it: the symbol's ASCII bytes left-aligned in the high 160 bits
     * (zero-padded to 20 bytes), the number in the low 96. A symbol is 2 to 20 of A-Z, 0-9 and -,
     * so each (symbol, number) has its own id, and the id gives both back ({@link #nftToken}).
     */
    public static BigInteger nftTokenId(String symbol, long number) {
        if (symbol == null || !symbol.matches("[A-Z0-9-]{1,20}") || number < 1) {
            throw new IllegalArgumentException("not a collection symbol and token number: " + symbol + " " + number);
        }
        var padded = Arrays.copyOf(symbol.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 20);
        return new BigInteger(1, padded).shiftLeft(NFT_NUMBER_BITS).or(BigInteger.valueOf(number));
    }

    /** A collection's symbol and a token's number, as a {@code BtaBadges} token id holds them. */
    public record NftToken(String symbol, long number) {}

    /** The symbol and number an id on chain stands for; empty for an id that is not one ({@link #nftTokenId}). */
    public static java.util.Optional<NftToken> nftToken(BigInteger tokenId) {
        if (tokenId == null || tokenId.signum() <= 0 || tokenId.bitLength() > 256) {
            return java.util.Optional.empty();
        }
        var number = tokenId.and(BigInteger.ONE.shiftLeft(NFT_NUMBER_BITS).subtract(BigInteger.ONE));
        var high = tokenId.shiftRight(NFT_NUMBER_BITS);
        var bytes = new byte[20];
        var raw = high.toByteArray();
        int copy = Math.min(raw.length, 20);
        System.arraycopy(raw, raw.length - copy, bytes, 20 - copy, copy);
        int length = 0;
        while (length < 20 && bytes[length] != 0) {
            length++;
        }
        for (int i = length; i < 20; i++) {
            if (bytes[i] != 0) {
                return java.util.Optional.empty();
            }
        }
        var symbol = new String(bytes, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
        if (!symbol.matches("[A-Z0-9-]{1,20}") || number.signum() == 0 || number.bitLength() > 63) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new NftToken(symbol, number.longValueExact()));
    }

    /** One NFT withdrawal to mint: token {@code tokenId} to {@code to}. */
    public record NftMint(String to, BigInteger tokenId, String withdrawalId) {
        public NftMint {
            to = address(to);
            if (tokenId == null || tokenId.signum() <= 0) {
                throw new IllegalArgumentException("an NFT withdrawal needs a token id");
            }
            withdrawalId = bytes32(withdrawalId);
        }
    }

    /** One {@code Deposited} log of {@code BtaBadges}, with where it is on chain. */
    public record NftDeposit(
            BigInteger depositId,
            BigInteger tokenId,
            String from,
            String entityId,
            long blockNumber,
            String blockHash,
            String transactionHash,
            long logIndex) {}

    private final Web3j web3j;
    private final Credentials credentials;
    private final PollingTransactionReceiptProcessor receipts;
    private final ContractArtifact token;
    private final ContractArtifact bridge;
    private final ContractArtifact badges;
    private final Map<String, String> errorsBySelector;
    private volatile Long chainId;

    /**
     * @param receiptPoll how often to ask for a sent transaction's receipt
     * @param receiptTimeout how long to wait for it before giving up with an {@link IOException}
     */
    public BridgeContracts(Web3j web3j, Credentials credentials, Duration receiptPoll, Duration receiptTimeout) {
        this.web3j = web3j;
        this.credentials = credentials;
        long pollMillis = Math.max(1, receiptPoll.toMillis());
        this.receipts = new PollingTransactionReceiptProcessor(
                web3j, pollMillis, (int) Math.max(1, receiptTimeout.toMillis() / pollMillis));
        this.token = ContractArtifact.load("BtaToken");
        this.bridge = ContractArtifact.load("BtaBridge");
        this.badges = ContractArtifact.load("BtaBadges");
        var errors = new HashMap<>(token.errorsBySelector());
        errors.putAll(bridge.errorsBySelector());
        errors.putAll(badges.errorsBySelector());
        this.errorsBySelector = Map.copyOf(errors);
        for (var event : EVENTS) {
            require(bridge, event);
        }
        for (var event : NFT_EVENTS) {
            require(badges, event);
        }
    }

    /** Connects to {@code rpcUrl} and signs with {@code privateKey} (hex). */
    public static BridgeContracts connect(String rpcUrl, String privateKey, Duration rpcTimeout) {
        var http = new OkHttpClient.Builder()
                .connectTimeout(rpcTimeout)
                .readTimeout(rpcTimeout)
                .writeTimeout(rpcTimeout)
                .build();
        return new BridgeContracts(
                Web3j.build(new HttpService(rpcUrl, http)),
                Credentials.create(privateKey),
                Duration.ofMillis(100),
                Duration.ofMinutes(5));
    }

    /** The account that signs: the deployer, admin and operator when {@link #deploy} set things up. */
    public String address() {
        return credentials.getAddress().toLowerCase(Locale.ROOT);
    }

    public long chainId() throws IOException {
        if (chainId == null) {
            chainId =
                    check(web3j.ethChainId().send(), "eth_chainId").getChainId().longValueExact();
        }
        return chainId;
    }

    public long blockNumber() throws IOException {
        return check(web3j.ethBlockNumber().send(), "eth_blockNumber")
                .getBlockNumber()
                .longValueExact();
    }

    /** The hash of the canonical block at {@code number}, or null where there is none (yet). */
    public String blockHash(long number) throws IOException {
        var block = check(
                        web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
                                .send(),
                        "eth_getBlockByNumber")
                .getBlock();
        return block == null ? null : block.getHash().toLowerCase(Locale.ROOT);
    }

    // ---- deployment and administration

    /**
     * Deploys each token and the bridge with this account as their admin and pauser, makes this
     * account the bridge's operator, lets the bridge mint each token and registers each token with
     * it.
     */
    public Deployment deploy(List<TokenSpec> tokens) throws IOException {
        var admin = address();
        var addresses = new LinkedHashMap<String, String>();
        for (var spec : tokens) {
            if (addresses.containsKey(spec.symbol())) {
                throw new IllegalArgumentException("token " + spec.symbol() + " is listed twice");
            }
            addresses.put(spec.symbol(), deployToken(spec, admin));
        }
        var bridgeAddress = deployBridge(admin);
        grantRole(bridgeAddress, OPERATOR_ROLE, admin);
        for (var tokenAddress : addresses.values()) {
            grantRole(tokenAddress, MINTER_ROLE, bridgeAddress);
            registerToken(bridgeAddress, tokenAddress);
        }
        return new Deployment(bridgeAddress, addresses);
    }

    public String deployToken(TokenSpec spec, String admin) throws IOException {
        var arguments = FunctionEncoder.encodeConstructor(List.of(
                new Utf8String(spec.name()),
                new Utf8String(spec.symbol()),
                new Uint256(spec.cap()),
                new Address(address(admin))));
        return deploy(token, arguments);
    }

    public String deployBridge(String admin) throws IOException {
        return deploy(bridge, FunctionEncoder.encodeConstructor(List.of(new Address(address(admin)))));
    }

    // AccessControl's and Pausable's functions are the same on both contracts: checked against the token's ABI

    /** Grants {@code role} (e.g. {@link #MINTER_ROLE}) on a token or the bridge. */
    public Receipt grantRole(String contract, String role, String account) throws IOException {
        return transact(token, contract, function("grantRole", new Bytes32(bytes(role)), new Address(account)));
    }

    public boolean hasRole(String contract, String role, String account) throws IOException {
        return this.<Bool>read(
                        token,
                        contract,
                        function("hasRole", outputs(Bool.class), new Bytes32(bytes(role)), new Address(account)))
                .getValue();
    }

    public Receipt registerToken(String bridgeAddress, String tokenAddress) throws IOException {
        return transact(bridge, bridgeAddress, function("registerToken", new Address(tokenAddress)));
    }

    /** Takes a token off the bridge: withdrawals and deposits of it revert with {@code UnknownToken}. */
    public Receipt unregisterToken(String bridgeAddress, String tokenAddress) throws IOException {
        return transact(bridge, bridgeAddress, function("unregisterToken", new Address(tokenAddress)));
    }

    public boolean bridgeable(String bridgeAddress, String tokenAddress) throws IOException {
        return this.<Bool>read(
                        bridge, bridgeAddress, function("bridgeable", outputs(Bool.class), new Address(tokenAddress)))
                .getValue();
    }

    /** Pauses the bridge (deposits and withdrawals) or one token (every transfer of it). */
    public Receipt pause(String contract) throws IOException {
        return transact(token, contract, function("pause"));
    }

    public Receipt unpause(String contract) throws IOException {
        return transact(token, contract, function("unpause"));
    }

    public boolean paused(String contract) throws IOException {
        return this.<Bool>read(token, contract, function("paused", outputs(Bool.class)))
                .getValue();
    }

    // ---- the bridge's operations

    /** Mints one withdrawal; {@link ContractReverted} with {@code AlreadyProcessed} for a repeated id. */
    public Receipt withdraw(String bridgeAddress, Withdrawal w) throws IOException {
        return transact(
                bridge,
                bridgeAddress,
                function(
                        "withdraw",
                        new Address(w.token()),
                        new Address(w.to()),
                        new Uint256(w.amount()),
                        new Bytes32(bytes(w.withdrawalId()))));
    }

    /**
     * Mints many withdrawals of {@code tokenAddress} in one transaction (the contract mints them in
     * one call to the token); ids already processed are skipped, not refused. Each withdrawal must
     * be of that token.
     */
    public BatchResult withdrawBatch(String bridgeAddress, String tokenAddress, List<Withdrawal> withdrawals)
            throws IOException {
        var recipients = new ArrayList<Address>();
        var amounts = new ArrayList<Uint256>();
        var ids = new ArrayList<Bytes32>();
        for (var w : withdrawals) {
            if (!w.token().equals(address(tokenAddress))) {
                throw new IllegalArgumentException(
                        "a batch is of one token: " + w.withdrawalId() + " is of " + w.token());
            }
            recipients.add(new Address(w.to()));
            amounts.add(new Uint256(w.amount()));
            ids.add(new Bytes32(bytes(w.withdrawalId())));
        }
        var mined = send(
                bridge,
                bridgeAddress,
                function(
                        "withdrawBatch",
                        new Address(tokenAddress),
                        new DynamicArray<>(Address.class, recipients),
                        new DynamicArray<>(Uint256.class, amounts),
                        new DynamicArray<>(Bytes32.class, ids)));
        var minted = new ArrayList<String>();
        var skipped = new ArrayList<String>();
        for (var log : mined.getLogs()) {
            if (!address(bridgeAddress).equals(address(log.getAddress()))
                    || log.getTopics().isEmpty()) {
                continue;
            }
            var topic = log.getTopics().get(0);
            if (WITHDRAWN_TOPIC.equals(topic)) {
                minted.add(log.getTopics().get(1));
            } else if (SKIPPED_TOPIC.equals(topic)) {
                skipped.add(log.getTopics().get(1));
            }
        }
        return new BatchResult(receipt(mined), minted, skipped);
    }

    public boolean processed(String bridgeAddress, String withdrawalId) throws IOException {
        return this.<Bool>read(
                        bridge,
                        bridgeAddress,
                        function("processed", outputs(Bool.class), new Bytes32(bytes(withdrawalId))))
                .getValue();
    }

    /** A holder's side: lets {@code spender} (the bridge) take {@code amount} of this account's tokens. */
    public Receipt approve(String tokenAddress, String spender, BigInteger amount) throws IOException {
        return transact(token, tokenAddress, function("approve", new Address(spender), new Uint256(amount)));
    }

    /** A holder's side: burns {@code amount} of this account's tokens for {@code entityId} in the ledger. */
    public Receipt deposit(String bridgeAddress, String tokenAddress, BigInteger amount, String entityId)
            throws IOException {
        return transact(
                bridge,
                bridgeAddress,
                function("deposit", new Address(tokenAddress), new Uint256(amount), new Utf8String(entityId)));
    }

    /** The {@code Deposited} logs of blocks {@code fromBlock} to {@code toBlock} (inclusive), in chain order. */
    public List<Deposit> deposits(String bridgeAddress, long fromBlock, long toBlock) throws IOException {
        var filter = new EthFilter(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)),
                address(bridgeAddress));
        filter.addSingleTopic(DEPOSITED_TOPIC);
        var deposits = new ArrayList<Deposit>();
        for (var result : check(web3j.ethGetLogs(filter).send(), "eth_getLogs").getLogs()) {
            var log = (Log) result.get();
            if (log.isRemoved()) {
                continue;
            }
            var topics = log.getTopics();
            var data = FunctionReturnDecoder.decode(log.getData(), DEPOSITED.getNonIndexedParameters());
            deposits.add(new Deposit(
                    Numeric.toBigInt(topics.get(1)),
                    topicAddress(topics.get(2)),
                    topicAddress(topics.get(3)),
                    (String) data.get(0).getValue(),
                    (BigInteger) data.get(1).getValue(),
                    log.getBlockNumber().longValueExact(),
                    log.getBlockHash(),
                    log.getTransactionHash(),
                    log.getLogIndex().longValueExact()));
        }
        return deposits;
    }

    /**
     * Where {@code withdrawalId} was minted on the canonical chain (its {@code Withdrawn} log), as
     * a receipt without gas; empty where it was not (or not any more, after a reorg).
     */
    public java.util.Optional<Receipt> withdrawn(String bridgeAddress, String withdrawalId) throws IOException {
        return firstLog(bridgeAddress, WITHDRAWN_TOPIC, bytes32(withdrawalId));
    }

    private java.util.Optional<Receipt> firstLog(String contract, String topic0, String topic1) throws IOException {
        var filter =
                new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST, address(contract));
        filter.addSingleTopic(topic0);
        filter.addSingleTopic(topic1);
        for (var result : check(web3j.ethGetLogs(filter).send(), "eth_getLogs").getLogs()) {
            var log = (Log) result.get();
            if (!log.isRemoved()) {
                return java.util.Optional.of(new Receipt(
                        log.getTransactionHash(),
                        log.getBlockNumber().longValueExact(),
                        log.getBlockHash().toLowerCase(Locale.ROOT),
                        null));
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Mints straight on a token, bypassing the bridge: only a holder of MINTER_ROLE may, and after
     * {@link #deploy} that is the bridge alone, so from any account this reverts. Kept to check that.
     */
    Receipt mint(String tokenAddress, String to, BigInteger amount) throws IOException {
        return transact(token, tokenAddress, function("mint", new Address(to), new Uint256(amount)));
    }

    // ---- the NFT contract (BtaBadges)

    /**
     * Deploys {@code BtaBadges} with {@code admin} as its admin and pauser and {@code baseUri} as
     * the start of every {@code tokenURI}, and makes this account its operator.
     */
    public String deployBadges(String name, String symbol, String baseUri, String admin) throws IOException {
        var address = deploy(
                badges,
                FunctionEncoder.encodeConstructor(List.of(
                        new Utf8String(name),
                        new Utf8String(symbol),
                        new Utf8String(baseUri),
                        new Address(address(admin)))));
        grantRole(address, OPERATOR_ROLE, address());
        return address;
    }

    /** Mints NFT withdrawals in one transaction; ids already processed are skipped, not refused. */
    public BatchResult withdrawNfts(String badgesAddress, List<NftMint> mints) throws IOException {
        var recipients = new ArrayList<Address>();
        var tokenIds = new ArrayList<Uint256>();
        var ids = new ArrayList<Bytes32>();
        for (var m : mints) {
            recipients.add(new Address(m.to()));
            tokenIds.add(new Uint256(m.tokenId()));
            ids.add(new Bytes32(bytes(m.withdrawalId())));
        }
        var mined = send(
                badges,
                badgesAddress,
                function(
                        "withdrawBatch",
                        new DynamicArray<>(Address.class, recipients),
                        new DynamicArray<>(Uint256.class, tokenIds),
                        new DynamicArray<>(Bytes32.class, ids)));
        var minted = new ArrayList<String>();
        var skipped = new ArrayList<String>();
        for (var log : mined.getLogs()) {
            if (!address(badgesAddress).equals(address(log.getAddress()))
                    || log.getTopics().isEmpty()) {
                continue;
            }
            var topic = log.getTopics().get(0);
            if (NFT_WITHDRAWN_TOPIC.equals(topic)) {
                minted.add(log.getTopics().get(1));
            } else if (SKIPPED_TOPIC.equals(topic)) {
                skipped.add(log.getTopics().get(1));
            }
        }
        return new BatchResult(receipt(mined), minted, skipped);
    }

    /** Where {@code withdrawalId} was minted by {@code BtaBadges} on the canonical chain; empty where it was not. */
    public java.util.Optional<Receipt> nftWithdrawn(String badgesAddress, String withdrawalId) throws IOException {
        return firstLog(badgesAddress, NFT_WITHDRAWN_TOPIC, bytes32(withdrawalId));
    }

    /** The {@code BtaBadges} {@code Deposited} logs of blocks {@code fromBlock} to {@code toBlock}, in chain order. */
    public List<NftDeposit> nftDeposits(String badgesAddress, long fromBlock, long toBlock) throws IOException {
        var filter = new EthFilter(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(fromBlock)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(toBlock)),
                address(badgesAddress));
        filter.addSingleTopic(NFT_DEPOSITED_TOPIC);
        var deposits = new ArrayList<NftDeposit>();
        for (var result : check(web3j.ethGetLogs(filter).send(), "eth_getLogs").getLogs()) {
            var log = (Log) result.get();
            if (log.isRemoved()) {
                continue;
            }
            var topics = log.getTopics();
            var data = FunctionReturnDecoder.decode(log.getData(), NFT_DEPOSITED.getNonIndexedParameters());
            deposits.add(new NftDeposit(
                    Numeric.toBigInt(topics.get(1)),
                    Numeric.toBigInt(topics.get(2)),
                    topicAddress(topics.get(3)),
                    (String) data.get(0).getValue(),
                    log.getBlockNumber().longValueExact(),
                    log.getBlockHash().toLowerCase(Locale.ROOT),
                    log.getTransactionHash().toLowerCase(Locale.ROOT),
                    log.getLogIndex().longValueExact()));
        }
        return deposits;
    }

    /** A holder's side: burns {@code tokenId} (owned by this account) for {@code entityId} in the ledger. */
    public Receipt depositNft(String badgesAddress, BigInteger tokenId, String entityId) throws IOException {
        return transact(badges, badgesAddress, function("deposit", new Uint256(tokenId), new Utf8String(entityId)));
    }

    /** The owner of {@code tokenId}; {@link ContractReverted} {@code ERC721NonexistentToken} where there is none. */
    public String ownerOf(String badgesAddress, BigInteger tokenId) throws IOException {
        return this.<Address>read(
                        badges, badgesAddress, function("ownerOf", outputs(Address.class), new Uint256(tokenId)))
                .getValue()
                .toLowerCase(Locale.ROOT);
    }

    public String tokenURI(String badgesAddress, BigInteger tokenId) throws IOException {
        return this.<Utf8String>read(
                        badges, badgesAddress, function("tokenURI", outputs(Utf8String.class), new Uint256(tokenId)))
                .getValue();
    }

    public boolean nftProcessed(String badgesAddress, String withdrawalId) throws IOException {
        return this.<Bool>read(
                        badges,
                        badgesAddress,
                        function("processed", outputs(Bool.class), new Bytes32(bytes(withdrawalId))))
                .getValue();
    }

    // ---- ERC-20 reads

    public BigInteger balanceOf(String tokenAddress, String account) throws IOException {
        return this.<Uint256>read(
                        token, tokenAddress, function("balanceOf", outputs(Uint256.class), new Address(account)))
                .getValue();
    }

    public BigInteger totalSupply(String tokenAddress) throws IOException {
        return this.<Uint256>read(token, tokenAddress, function("totalSupply", outputs(Uint256.class)))
                .getValue();
    }

    public BigInteger cap(String tokenAddress) throws IOException {
        return this.<Uint256>read(token, tokenAddress, function("cap", outputs(Uint256.class)))
                .getValue();
    }

    @Override
    public void close() {
        web3j.shutdown();
    }

    // ---- transactions and calls

    private String deploy(ContractArtifact artifact, String encodedArguments) throws IOException {
        var mined = sendRaw(null, artifact.bytecode() + encodedArguments, "deploy " + artifact.contractName());
        return address(mined.getContractAddress());
    }

    private Receipt transact(ContractArtifact artifact, String to, Function function) throws IOException {
        return receipt(send(artifact, to, function));
    }

    private TransactionReceipt send(ContractArtifact artifact, String to, Function function) throws IOException {
        require(artifact, signature(function.getName(), function.getInputParameters()));
        return sendRaw(address(to), FunctionEncoder.encode(function), function.getName());
    }

    private synchronized TransactionReceipt sendRaw(String to, String data, String what) throws IOException {
        var from = credentials.getAddress();
        var nonce = check(
                        web3j.ethGetTransactionCount(from, DefaultBlockParameterName.PENDING)
                                .send(),
                        what)
                .getTransactionCount();
        var gasPrice = check(web3j.ethGasPrice().send(), what).getGasPrice();
        var estimate = to == null
                ? Transaction.createContractTransaction(from, nonce, gasPrice, data)
                : Transaction.createFunctionCallTransaction(from, nonce, gasPrice, null, to, data);
        var gas = check(web3j.ethEstimateGas(estimate).send(), what).getAmountUsed();
        var gasLimit = gas.add(gas.divide(BigInteger.valueOf(5)));
        var raw = to == null
                ? RawTransaction.createContractTransaction(nonce, gasPrice, gasLimit, BigInteger.ZERO, data)
                : RawTransaction.createTransaction(nonce, gasPrice, gasLimit, to, BigInteger.ZERO, data);
        var signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId(), credentials));
        var hash = check(web3j.ethSendRawTransaction(signed).send(), what).getTransactionHash();
        TransactionReceipt mined;
        try {
            mined = receipts.waitForTransactionReceipt(hash);
        } catch (TransactionException e) {
            throw new IOException(what + ": transaction " + hash + " not mined: " + e.getMessage(), e);
        }
        if (!mined.isStatusOK()) {
            throw new ContractReverted(what, null, null, "mined with status " + mined.getStatus() + " in " + hash);
        }
        return mined;
    }

    @SuppressWarnings("unchecked")
    private <T extends Type<?>> T read(ContractArtifact artifact, String to, Function function) throws IOException {
        require(artifact, signature(function.getName(), function.getInputParameters()));
        var call = Transaction.createEthCallTransaction(
                credentials.getAddress(), address(to), FunctionEncoder.encode(function));
        var answer = check(web3j.ethCall(call, DefaultBlockParameterName.LATEST).send(), function.getName());
        var values = FunctionReturnDecoder.decode(answer.getValue(), function.getOutputParameters());
        if (values.isEmpty()) {
            throw new IOException(function.getName() + ": no answer from " + to + " (is a contract deployed there?)");
        }
        return (T) values.get(0);
    }

    private <R extends Response<?>> R check(R response, String what) throws IOException {
        if (!response.hasError()) {
            return response;
        }
        var error = response.getError();
        var data = error.getData();
        var revertData = data != null && data.matches("\"?0x[0-9a-fA-F]*\"?") ? data.replace("\"", "") : null;
        var message = error.getMessage();
        if (revertData != null
                || (message != null && message.toLowerCase(Locale.ROOT).contains("revert"))) {
            String name = null;
            if (revertData != null && revertData.length() >= 10) {
                name = errorsBySelector.get(revertData.substring(0, 10).toLowerCase(Locale.ROOT));
            }
            throw new ContractReverted(what, name, revertData, message);
        }
        throw new IOException(what + ": JSON-RPC error " + error.getCode() + ": " + message);
    }

    // ---- encoding helpers

    private static Receipt receipt(TransactionReceipt r) {
        return new Receipt(
                r.getTransactionHash(), r.getBlockNumber().longValueExact(), r.getBlockHash(), r.getGasUsed());
    }

    private static void require(ContractArtifact artifact, String signature) {
        if (!artifact.functions().contains(signature) && !artifact.events().contains(signature)) {
            throw new IllegalStateException(artifact.contractName() + " has no " + signature
                    + ": the compiled artifacts and this client disagree");
        }
    }

    @SuppressWarnings("rawtypes")
    private static String signature(String name, List<Type> parameters) {
        return name + "("
                + String.join(
                        ",", parameters.stream().map(Type::getTypeAsString).toList()) + ")";
    }

    @SuppressWarnings("rawtypes")
    private static Function function(String name, Type... inputs) {
        return new Function(name, Arrays.asList(inputs), List.of());
    }

    @SuppressWarnings("rawtypes")
    private static Function function(String name, List<TypeReference<?>> outputs, Type... inputs) {
        return new Function(name, Arrays.asList(inputs), outputs);
    }

    private static <T extends Type<?>> List<TypeReference<?>> outputs(Class<T> type) {
        return List.<TypeReference<?>>of(TypeReference.create(type));
    }

    private static String topicAddress(String topic) {
        return address("0x" + topic.substring(topic.length() - 40));
    }

    /** {@code 0x} + 40 lowercase hex digits; refuses anything else. */
    static String address(String address) {
        if (address == null || !address.matches("0x[0-9a-fA-F]{40}")) {
            throw new IllegalArgumentException("not an address: " + address);
        }
        return address.toLowerCase(Locale.ROOT);
    }

    /** {@code 0x} + 64 lowercase hex digits; refuses anything else. */
    static String bytes32(String value) {
        if (value == null || !value.matches("0x[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("not 32 bytes of hex: " + value);
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static byte[] bytes(String hex32) {
        return Numeric.hexStringToByteArray(bytes32(hex32));
    }
}
