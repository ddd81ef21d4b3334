/** Quality review: evaluation forms, a supervisor's answers on a recorded call, and the score they give. */
package cc.console.domain.quality;
