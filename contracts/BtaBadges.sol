// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Pausable} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Pausable.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {Strings} from "@openzeppelin/contracts/utils/Strings.sol";

/**
 * @title BtaBadges
 * @notice The platform's transferable NFTs on this chain. A token withdrawn from the ledger is
 * minted here by the platform's operator (the ledger keeps it in the bridge's escrow meanwhile);
 * a holder deposits it back by burning it here, and `Deposited` names the ledger entity that gets
 * it back once the platform has seen the log deep enough.
 * @dev One contract for every collection. A token's id is its collection's symbol and its number
 * in that collection, packed: `tokenId = uint256(bytes20(symbol)) << 96 | number`, the symbol's
 * ASCII bytes (2 to 20 of A-Z, 0-9 and -) left-aligned in the high 160 bits, zero-padded, and the
 * number (from 1) in the low 96 bits (`tokenIdOf`). So `tokenURI` needs no storage: it is
 * `baseURI + symbol + "/" + number + "/metadata"`, the platform's public metadata endpoint.
 *
 * Replay-proof: each `withdrawalId` mints at most once (a bitmap, as BtaBridge keeps it); a batch
 * skips an id already processed with `WithdrawalSkipped`, so a batch re-sent after a crash mints
 * exactly what is missing. Deposits are numbered 1, 2, 3…
 *
 * Roles: DEFAULT_ADMIN_ROLE grants roles; OPERATOR_ROLE mints withdrawals; PAUSER_ROLE pauses every
 * mint, transfer and burn.
 */
contract BtaBadges is ERC721, ERC721Pausable, AccessControl {
    bytes32 public constant OPERATOR_ROLE = keccak256("OPERATOR_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    uint256 private constant NUMBER_BITS = 96;
    uint256 private constant NUMBER_MASK = (uint256(1) << NUMBER_BITS) - 1;

    /// What every `tokenURI` starts with, e.g. `https://bta.example/api/nft/`.
    string public baseURI;

    /// Withdrawal ids already minted, one bit each: bit `id % 256` of word `id / 256`.
    mapping(uint256 word => uint256 bits) private _processed;

    /// The id of the last deposit; deposits are numbered 1, 2, 3… in the order they happen.
    uint256 public depositCount;

    event Withdrawn(bytes32 indexed withdrawalId, address indexed to, uint256 indexed tokenId);
    event WithdrawalSkipped(bytes32 indexed withdrawalId);
    event Deposited(uint256 indexed depositId, uint256 indexed tokenId, address indexed from, string entityId);

    error ZeroAddress();
    error EmptyEntityId();
    error InvalidTokenId(uint256 tokenId);
    error EmptyBatch();
    error LengthMismatch();

    constructor(string memory name_, string memory symbol_, string memory baseURI_, address admin)
        ERC721(name_, symbol_)
    {
        baseURI = baseURI_;
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
    }

    /// The token id of `number` in the collection `symbol` (see the contract's notes).
    function tokenIdOf(string calldata symbol, uint256 number) external pure returns (uint256) {
        bytes memory s = bytes(symbol);
        if (s.length == 0 || s.length > 20 || number == 0 || number > NUMBER_MASK) revert InvalidTokenId(0);
        return (uint256(uint160(bytes20(s))) << NUMBER_BITS) | number;
    }

    /**
     * Mints withdrawals, entry `i` being token `tokenIds[i]` to `to[i]` for `withdrawalIds[i]`;
     * skips (with `WithdrawalSkipped`) the ids already processed, a repeat inside the batch too,
     * and answers how many it minted. A token that exists already, a zero address or a token id
     * that is not a symbol and a number revert the whole batch: a bug in the sender, not a replay.
     */
    function withdrawBatch(address[] calldata to, uint256[] calldata tokenIds, bytes32[] calldata withdrawalIds)
        external
        onlyRole(OPERATOR_ROLE)
        returns (uint256 minted)
    {
        uint256 n = withdrawalIds.length;
        if (n == 0) revert EmptyBatch();
        if (to.length != n || tokenIds.length != n) revert LengthMismatch();
        for (uint256 i = 0; i < n; ++i) {
            bytes32 id = withdrawalIds[i];
            if (!_markProcessed(id)) {
                emit WithdrawalSkipped(id);
                continue;
            }
            if (to[i] == address(0)) revert ZeroAddress();
            _checkTokenId(tokenIds[i]);
            // _mint, not _safeMint: a recipient contract that refuses ERC-721s must not block the queue
            _mint(to[i], tokenIds[i]);
            ++minted;
            emit Withdrawn(id, to[i], tokenIds[i]);
        }
    }

    /**
     * Burns `tokenId` (the caller owns it or is approved for it) and answers the deposit's id; the
     * platform gives the token back to `entityId` in the ledger.
     */
    function deposit(uint256 tokenId, string calldata entityId) external returns (uint256 depositId) {
        if (bytes(entityId).length == 0) revert EmptyEntityId();
        depositId = ++depositCount;
        // reverts for a token that does not exist or that the caller may not move
        address from = _update(address(0), tokenId, _msgSender());
        emit Deposited(depositId, tokenId, from, entityId);
    }

    /// Whether `withdrawalId` was minted.
    function processed(bytes32 withdrawalId) public view returns (bool) {
        (uint256 word, uint256 mask) = _bit(withdrawalId);
        return (_processed[word] & mask) != 0;
    }

    /// `baseURI` + symbol + "/" + number + "/metadata": the platform's ERC-721 metadata JSON.
    function tokenURI(uint256 tokenId) public view override returns (string memory) {
        _requireOwned(tokenId);
        bytes20 packed = bytes20(uint160(tokenId >> NUMBER_BITS));
        uint256 length = 0;
        while (length < 20 && packed[length] != 0) {
            ++length;
        }
        bytes memory symbol = new bytes(length);
        for (uint256 i = 0; i < length; ++i) {
            symbol[i] = packed[i];
        }
        return string.concat(baseURI, string(symbol), "/", Strings.toString(tokenId & NUMBER_MASK), "/metadata");
    }

    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }

    function _update(address to, uint256 tokenId, address auth)
        internal
        override(ERC721, ERC721Pausable)
        returns (address)
    {
        return super._update(to, tokenId, auth);
    }

    function _checkTokenId(uint256 tokenId) private pure {
        if (tokenId & NUMBER_MASK == 0 || (tokenId >> (NUMBER_BITS + 152)) == 0) revert InvalidTokenId(tokenId);
    }

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
