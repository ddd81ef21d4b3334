/** The sounds directory as files: which prompts a flow plays that Asterisk would not find. */
package cc.ivr.adapter.file;
