// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Pausable} from "@openzeppelin/contracts/utils/Pausable.sol";
import {BtaToken} from "./BtaToken.sol";

/**
 * @title BtaBridge
 * @notice Moves BTA tokens between the platform's ledger and this chain. A withdrawal (ledger to
 * chain) is minted here by the platform's operator once the ledger has escrowed the amount; a
 * deposit (chain to ledger) burns the holder's tokens and emits `Deposited`, which the platform
 * credits from escrow to `entityId` once it is deep enough.
 * @dev Replay-proof on chain: each `withdrawalId` mints at most once, whoever sends it and however
 * often. `withdrawBatch` skips an id already processed (emitting `WithdrawalSkipped`) rather than
 * reverting the batch, so that re-sending a batch after a crash, when some of it may have landed,
 * mints exactly what is missing. Any other invalid entry (unknown token, zero address, zero
 * amount) reverts the whole batch: that is a bug in the sender, not a replay.
 *
 * Roles: DEFAULT_ADMIN_ROLE grants roles and registers the bridgeable tokens; OPERATOR_ROLE
 * withdraws; PAUSER_ROLE pauses deposits and withdrawals.
 */
contract BtaBridge is AccessControl, Pausable {
    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    /// Tokens that may be deposited and withdrawn (BTA-GUAR, collateral, is never registered).
    mapping(address token => bool) public bridgeable;

    /// Withdrawal ids already minted, one bit each: bit `id % 256` of word `id / 256` (see `processed`).
    mapping(uint256 word => uint256 bits) private _processed;

    /// The id of the last deposit; deposits are numbered 1, 2, 3… in the order they happen.
    uint256 public depositCount;

    event TokenRegistered(address indexed token);
    event TokenUnregistered(address indexed token);
    event Deposited(
        uint256 indexed depositId, address indexed token, address indexed from, string entityId, uint256 amount
    );
    event Withdrawn(bytes32 indexed withdrawalId, address indexed token, address indexed to, uint256 amount);
    event WithdrawalSkipped(bytes32 indexed withdrawalId);

    error UnknownToken(address token);
    error ZeroAmount();
    error ZeroAddress();
    error EmptyEntityId();
    error AlreadyProcessed(bytes32 withdrawalId);
    error EmptyBatch();
    error LengthMismatch();

    constructor(address admin) {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
    }

    function registerToken(address token) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (token == address(0)) revert ZeroAddress();
        if (!bridgeable[token]) {
            bridgeable[token] = true;
            emit TokenRegistered(token);
        }
    }

    function unregisterToken(address token) external onlyRole(DEFAULT_ADMIN_ROLE) {
        if (bridgeable[token]) {
            bridgeable[token] = false;
            emit TokenUnregistered(token);
        }
    }

    /**
     * Burns `amount` of the caller's `token` (the caller has approved this bridge for it) and
     * answers the deposit's id; the platform credits `entityId` in the ledger.
     */
    function deposit(address token, uint256 amount, string calldata entityId)
        external
        whenNotPaused
        returns (uint256 depositId)
    {
        if (!bridgeable[token]) revert UnknownToken(token);
        if (amount == 0) revert ZeroAmount();
        if (bytes(entityId).length == 0) revert EmptyEntityId();
        depositId = ++depositCount;
        BtaToken(token).burnFrom(msg.sender, amount);
        emit Deposited(depositId, token, msg.sender, entityId, amount);
    }

    /// Mints one withdrawal; reverts with `AlreadyProcessed` if `withdrawalId` was minted before.
    function withdraw(address token, address to, uint256 amount, bytes32 withdrawalId)
        external
        onlyRole(OPERATOR_ROLE)
        whenNotPaused
    {
        if (!bridgeable[token]) revert UnknownToken(token);
        _check(to, amount);
        if (!_markProcessed(withdrawalId)) revert AlreadyProcessed(withdrawalId);
        BtaToken(token).mint(to, amount);
        emit Withdrawn(withdrawalId, token, to, amount);
    }

    /**
     * Mints many withdrawals of one token in one transaction, entry `i` being `(to[i], amounts[i],
     * withdrawalIds[i])`, with one call to the token; skips (with `WithdrawalSkipped`) the ids
     * already processed, including a repeat inside the batch, and answers how many it minted.
     */
    function withdrawBatch(
        address token,
        address[] calldata to,
        uint256[] calldata amounts,
        bytes32[] calldata withdrawalIds
    ) external onlyRole(OPERATOR_ROLE) whenNotPaused returns (uint256 minted) {
        uint256 n = withdrawalIds.length;
        if (n == 0) revert EmptyBatch();
        if (to.length != n || amounts.length != n) revert LengthMismatch();
        if (!bridgeable[token]) revert UnknownToken(token);
        address[] memory mintTo = new address[](n);
        uint256[] memory mintAmounts = new uint256[](n);
        for (uint256 i = 0; i < n; ++i) {
            bytes32 id = withdrawalIds[i];
            if (!_markProcessed(id)) {
                emit WithdrawalSkipped(id);
                continue;
            }
            _check(to[i], amounts[i]);
            mintTo[minted] = to[i];
            mintAmounts[minted] = amounts[i];
            ++minted;
            emit Withdrawn(id, token, to[i], amounts[i]);
        }
        if (minted > 0) {
            // drop the unused tail (the skipped entries' places) before handing the arrays over
            assembly ("memory-safe") {
                mstore(mintTo, minted)
                mstore(mintAmounts, minted)
            }
            BtaToken(token).mintBatch(mintTo, mintAmounts);
        }
    }

    /**
     * Whether `withdrawalId` was minted. Any 32 bytes are an id; the ids are kept as a bitmap, so
     * ids numbered consecutively (a sequence number as bytes32) share one storage word per 256
     * and a batch of them writes one word instead of one per id. Ids of no pattern (hashes) cost
     * what a mapping of flags costs: a word each.
     */
    function processed(bytes32 withdrawalId) public view returns (bool) {
        (uint256 word, uint256 mask) = _bit(withdrawalId);
        return (_processed[word] & mask) != 0;
    }

    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    function _check(address to, uint256 amount) private pure {
        if (to == address(0)) revert ZeroAddress();
        if (amount == 0) revert ZeroAmount();
    }

    /// Marks `withdrawalId` processed; false if it already was. One read and one write of its word.
    function _markProcessed(bytes32 withdrawalId) private returns (bool) {
        (uint256 word, uint256 mask) = _bit(withdrawalId);
        uint256 bits = _processed[word];
        if ((bits & mask) != 0) return false;
        _processed[word] = bits | mask;
        return true;
    }

    function _bit(bytes32 withdrawalId) private pure returns (uint256 word, uint256 mask) {
        uint256 id = uint256(withdrawalId);
        return (id >> 8, uint256(1) << (id & 0xff));
    }
}
