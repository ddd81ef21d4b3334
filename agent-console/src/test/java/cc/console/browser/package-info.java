/** The console pages in real headless Chromium, driven through chromedriver with Selenium. */
package cc.console.browser;
