package io.bta.tokenomics.audit.internal;

import io.bta.tokenomics.audit.ChainProperties;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Anchors through web3j's JSON-RPC client: a legacy (EIP-155 signed) transaction of value 0 from
 * the configured account to itself, whose input data is the block hash. A self-send touches no
 * contract and costs the intrinsic gas only; anyone can read the input back by transaction hash.
 * The transaction hash is computed locally from the signed bytes, and compared with the node's.
 */
public class Web3jChainClient implements ChainClient {

    private final Web3j web3j;
    private final Credentials credentials;
    private final Long configuredChainId;
    private volatile Long chainId;

    public Web3jChainClient(ChainProperties properties) {
        var http = new OkHttpClient.Builder()
                .connectTimeout(properties.rpcTimeout())
                .readTimeout(properties.rpcTimeout())
                .writeTimeout(properties.rpcTimeout())
                .build();
        this.web3j = Web3j.build(new HttpService(properties.rpcUrl(), http));
        this.credentials = Credentials.create(properties.privateKey());
        this.configuredChainId = properties.chainId();
    }

    /** The account that signs and pays for the anchors. */
    public String address() {
        return credentials.getAddress();
    }

    @Override
    public String sendAnchor(byte[] data) throws IOException {
        long id = chainId();
        var from = credentials.getAddress();
        var nonce = check(web3j.ethGetTransactionCount(from, DefaultBlockParameterName.PENDING)
                        .send())
                .getTransactionCount();
        var gasPrice = check(web3j.ethGasPrice().send()).getGasPrice();
        var input = Numeric.toHexString(data);
        var gas = check(web3j.ethEstimateGas(
                                Transaction.createFunctionCallTransaction(from, nonce, gasPrice, null, from, input))
                        .send())
                .getAmountUsed();
        var raw = RawTransaction.createTransaction(nonce, gasPrice, gas, from, BigInteger.ZERO, input);
        var signed = TransactionEncoder.signMessage(raw, id, credentials);
        var hash = Hash.sha3(Numeric.toHexString(signed)).toLowerCase(Locale.ROOT);
        var sent =
                check(web3j.ethSendRawTransaction(Numeric.toHexString(signed)).send());
        if (sent.getTransactionHash() != null
                && !hash.equals(sent.getTransactionHash().toLowerCase(Locale.ROOT))) {
            throw new IOException("the node answered transaction hash " + sent.getTransactionHash() + ", not " + hash);
        }
        return hash;
    }

    @Override
    public Optional<Receipt> receipt(String transactionHash) throws IOException {
        var response = check(web3j.ethGetTransactionReceipt(transactionHash).send());
        return response.getTransactionReceipt()
                .map(r -> new Receipt(r.getBlockNumber().longValueExact(), r.isStatusOK()));
    }

    private long chainId() throws IOException {
        if (configuredChainId != null) {
            return configuredChainId;
        }
        if (chainId == null) {
            chainId = check(web3j.ethChainId().send()).getChainId().longValueExact();
        }
        return chainId;
    }

    private static <T extends Response<?>> T check(T response) throws IOException {
        if (response.hasError()) {
            throw new IOException("JSON-RPC error " + response.getError().getCode() + ": "
                    + response.getError().getMessage());
        }
        return response;
    }

    @Override
    public void close() {
        web3j.shutdown();
    }
}
