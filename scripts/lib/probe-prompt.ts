/**
 * Reads a secret from the terminal without echoing it, so the key never shows
 * on screen, in scrollback or in a screen recording.
 */
export function promptHidden(question: string): Promise<string | null> {
  const { stdin, stdout } = process;
  stdout.write(question);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();

  return new Promise((resolve) => {
    let value = "";
    const finish = (result: string | null) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      stdout.write("\n");
      resolve(result);
    };
    const onData = (chunk: string) => {
      for (const character of chunk) {
        if (character === "\r" || character === "\n") return finish(value);
        // Ctrl-C and Ctrl-D: give up without a key.
        if (character === "\u0003" || character === "\u0004") return finish(null);
        if (character === "\u007f" || character === "\b") value = value.slice(0, -1);
        else value += character;
      }
    };
    stdin.on("data", onData);
  });
}
