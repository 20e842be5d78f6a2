package io.jrm.conformance.datatype2;

import java.util.Arrays;

/**
 * The memory blocks of one key in Redis's tests/modules/datatype2.c: a chain of 4 KB blocks, each
 * written at most once (the value's mask says which), here an array of zeroed 4096-byte arrays.
 */
final class MemBlocks {
  /** C's BLOCK_SIZE. */
  static final int BLOCK_SIZE = 4096;

  private final byte[][] blocks;

  private MemBlocks(byte[][] blocks) {
    this.blocks = blocks;
  }

  /** {@code count} zeroed blocks (C's MemBlockCreate); {@code count} is at least 1. */
  static MemBlocks create(long count) {
    byte[][] blocks = new byte[Math.toIntExact(count)][];
    for (int i = 0; i < blocks.length; i++) {
      blocks[i] = new byte[BLOCK_SIZE];
    }
    return new MemBlocks(blocks);
  }

  /** Blocks loaded from their saved contents, each cut or padded to BLOCK_SIZE. */
  static MemBlocks of(byte[][] contents) {
    byte[][] blocks = new byte[contents.length][];
    for (int i = 0; i < contents.length; i++) {
      blocks[i] = Arrays.copyOf(contents[i], BLOCK_SIZE);
    }
    return new MemBlocks(blocks);
  }

  /** {@return how many blocks the chain holds} */
  int count() {
    return blocks.length;
  }

  /** {@return the whole block {@code index}, a copy} */
  byte[] block(int index) {
    return blocks[index].clone();
  }

  /**
   * Copies at most BLOCK_SIZE bytes of {@code data} to the start of block {@code index} (C's
   * MemBlockWrite); returns how many, 0 when the chain has no such block.
   */
  int write(long index, byte[] data) {
    if (index >= blocks.length) {
      return 0;
    }
    int size = Math.min(data.length, BLOCK_SIZE);
    System.arraycopy(data, 0, blocks[(int) index], 0, size);
    return size;
  }

  /**
   * The content of block {@code index} as the C string MEM.READ replies: up to its first NUL; empty
   * when the chain has no such block.
   */
  byte[] readString(long index) {
    if (index >= blocks.length) {
      return new byte[0];
    }
    byte[] block = blocks[(int) index];
    int length = 0;
    while (length < BLOCK_SIZE && block[length] != 0) {
      length++;
    }
    return Arrays.copyOf(block, length);
  }

  /** {@return a deep copy (C's MemBlockClone)} */
  MemBlocks copy() {
    byte[][] copied = new byte[blocks.length][];
    for (int i = 0; i < blocks.length; i++) {
      copied[i] = blocks[i].clone();
    }
    return new MemBlocks(copied);
  }
}
