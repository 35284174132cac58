// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Burnable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Burnable.sol";
import {ERC20Capped} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Capped.sol";
import {ERC20Pausable} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Pausable.sol";

/**
 * @title BtaToken
 * @notice The on-chain form of one bridgeable BTA token (BTA-GOV, BTA-REWARD or BTA-UTIL). Every
 * token in circulation here was minted by the bridge against tokens escrowed in the platform's
 * ledger, and every deposit back burns it, so the supply on chain never exceeds the escrow.
 * @dev One contract for capped and uncapped tokens: the cap is a constructor argument, and a
 * token without a cap in the ledger (BTA-REWARD) is deployed with `type(uint256).max`, which is no
 * limit beyond uint256 arithmetic itself. 18 decimals, as the ledger's amounts.
 *
 * Roles: DEFAULT_ADMIN_ROLE grants and revokes the others; MINTER_ROLE (held by the bridge) mints;
 * PAUSER_ROLE pauses every transfer, mint and burn. Anyone may burn their own tokens.
 */
contract BtaToken is ERC20, ERC20Burnable, ERC20Pausable, ERC20Capped, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant PAUSER_ROLE = keccak256("PAUSER_ROLE");

    constructor(string memory name_, string memory symbol_, uint256 cap_, address admin)
        ERC20(name_, symbol_)
        ERC20Capped(cap_)
    {
        _grantRole(DEFAULT_ADMIN_ROLE, admin);
        _grantRole(PAUSER_ROLE, admin);
    }

    error LengthMismatch();

    function mint(address to, uint256 amount) external onlyRole(MINTER_ROLE) {
        _mint(to, amount);
    }

    /// Mints `amounts[i]` to `to[i]` for each `i`: the bridge's batch of withdrawals in one call.
    function mintBatch(address[] calldata to, uint256[] calldata amounts) external onlyRole(MINTER_ROLE) {
        if (to.length != amounts.length) revert LengthMismatch();
        for (uint256 i = 0; i < to.length; ++i) {
            _mint(to[i], amounts[i]);
        }
    }

    function pause() external onlyRole(PAUSER_ROLE) {
        _pause();
    }

    function unpause() external onlyRole(PAUSER_ROLE) {
        _unpause();
    }

    function _update(address from, address to, uint256 value)
        internal
        override(ERC20, ERC20Pausable, ERC20Capped)
    {
        super._update(from, to, value);
    }
}
