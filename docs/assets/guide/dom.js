// Small DOM helpers. User text reaches the page only through textContent and attribute setters.

// A new element with an optional class and text.
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

// Say something in a live region: cleared first, so that screen readers announce a repeated message again.
export function announce(region, message, warning = false) {
  region.textContent = "";
  region.classList.toggle("is-warn", warning);
  setTimeout(() => {
    region.textContent = message;
  }, 50);
}

// Save text (or a Blob) as a file named filename, without leaving the page.
export function saveFile(filename, content, type = "text/plain;charset=utf-8") {
  const link = element("a");
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type }));
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1e4);
}
